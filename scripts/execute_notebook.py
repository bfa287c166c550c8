"""Executes one notebook headless with nbclient (Debian's python3-nbclient) and exports it to HTML (nbconvert).

usage: execute_notebook.py IN.ipynb OUT.ipynb OUT.html TIMEOUT_SECONDS

Stops at the first failing cell and prints that cell's source and what the kernel said (tslab leaves the error's
name and value empty: its message is in the cell's stderr stream); exits 1. Never allows errors.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter


FAILED = {}


def on_cell_error(cell, cell_index, execute_reply=None, **_):
    FAILED.setdefault("index", cell_index)


def report(nb, path, what, error=None):
    print(f"notebook {path}: {what}", file=sys.stderr)
    index = FAILED.get("index")
    if index is None and error is not None:
        print(str(error), file=sys.stderr)
    if index is None:
        return
    cell = nb.cells[index]
    print(f"--- cell {index} (execution count {cell.get('execution_count')}) source:", file=sys.stderr)
    print(cell.source, file=sys.stderr)
    print("--- the kernel said:", file=sys.stderr)
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            print(out.get("text", ""), end="", file=sys.stderr)
        elif kind == "error":
            detail = ": ".join(x for x in (out.get("ename"), out.get("evalue")) if x)
            if detail:
                print(detail, file=sys.stderr)
            for line in out.get("traceback", []):
                print(line, file=sys.stderr)
    print("---", file=sys.stderr)


def main():
    src, out_nb, out_html, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="tslab", allow_errors=False,
                            on_cell_error=on_cell_error,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}})
    try:
        client.execute()
    except CellTimeoutError as error:
        report(nb, src, f"a cell ran longer than the {timeout} s timeout", error)
        sys.exit(1)
    except CellExecutionError as error:
        report(nb, src, "a cell failed", error)
        sys.exit(1)
    except DeadKernelError as error:
        report(nb, src, f"the kernel died: {error}", error)
        sys.exit(1)
    nbformat.write(nb, out_nb)
    body, _ = HTMLExporter().from_notebook_node(nb)
    with open(out_html, "w", encoding="utf-8") as f:
        f.write(body)


if __name__ == "__main__":
    main()
