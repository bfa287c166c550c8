import { sourceKind } from "../load/source-kind";

/** A query with no statement: only white space, semicolons and comments. */
const NO_STATEMENT = /^(?:\s|;|--[^\n]*|\/\*[\s\S]*?\*\/)*$/;

const USAGE = 'give the query last, after the log files: metrics-kit sql [LOG…] "select …"';

/**
 * The logs and the query of `metrics-kit sql`'s arguments, the query last. Throws a one-line usage error (the CLI's
 * exit status 2, before any log is read) when the query is empty (white space, semicolons, comments) or is not
 * there: the last argument names a file or is `-` (`metrics-kit sql metrics.log`).
 *
 * @example sqlArguments(["metrics.log", "select 1"]) // { logs: ["metrics.log"], query: "select 1" }
 * sqlArguments(["metrics.log", " "]) // throws "sql: the query is empty; give the query last, …"
 */
export function sqlArguments(args: readonly string[]): { logs: string[]; query: string } {
  const query = args.length > 0 ? args[args.length - 1] : "";
  if (NO_STATEMENT.test(query)) throw new Error(`sql: the query is empty; ${USAGE}`);
  if (sourceKind(query) !== undefined) throw new Error(`sql: no query: the last argument (${query}) is a log, not a query; ${USAGE}`);
  return { logs: args.slice(0, -1), query };
}
