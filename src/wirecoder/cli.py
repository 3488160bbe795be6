"""Command line: thin commands over the library.

Exit codes: 0 every input coded; 1 some inputs failed (each named on stderr, the rest coded);
2 usage error (bad option, model not installed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from wirecoder.batch.run import Engine
from wirecoder.errors import ModelError, StoreError, UsageError
from wirecoder.evaluate import evaluate, gold_inputs, load_gold
from wirecoder.output import document_json, dumps, render_stored, render_table, write_records
from wirecoder.pipeline import code_inputs
from wirecoder.records import Document, Failure
from wirecoder.settings import DEFAULT_MODEL, Settings
from wirecoder.store.query import EventFilter

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

MAIN_EXAMPLES = """examples:
  wirecoder demo
  wirecoder run corpus.jsonl --db events.duckdb
  wirecoder events --db events.duckdb --actor CHN --code 05 --format table
  wirecoder code article.txt --format json
"""
RUN_EXAMPLES = """examples:
  wirecoder run ../shared/corpora/news/news_articles.jsonl --db events.duckdb
  wirecoder run crawl.warc.gz feeds/ --db events.duckdb --workers 2
  wirecoder run corpus.jsonl --db events.duckdb --engine dask \\
      --scheduler tcp://10.0.0.5:8786 --parts /shared/parts
"""
EVENTS_EXAMPLES = """examples:
  wirecoder events --db events.duckdb --actor CHN --code 05 --from 2020-11-01 --to 2020-12-31
  wirecoder events --db events.duckdb --format csv -o events.csv
  wirecoder export --db events.duckdb --format gdelt -o events.gdelt.tsv
"""
EVAL_EXAMPLES = """examples:
  wirecoder code ../shared/seed/000_0e87aa88177b14ee.txt --format json -o seed.json
  wirecoder eval ../shared/gold/seed.yaml seed.json
  wirecoder eval ../shared/gold/ --run --json
"""

CODE_EXAMPLES = """examples:
  wirecoder code article.txt --format json
  wirecoder code page.html feed.jsonl articles/ --format jsonl > coded.jsonl
  cat article.txt | wirecoder code - --format table
  wirecoder code corpus.jsonl --workers 2 --format jsonl -o coded.jsonl
"""


def sample_path() -> str:
    """The bundled sample corpus (21 Wikinews articles, CC BY 2.5)."""
    return str(resources.files("wirecoder") / "data" / "sample" / "wikinews_politics.jsonl")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _add_coding_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help="spaCy English pipeline (default: %(default)s)")
    parser.add_argument("--workers", type=_positive, default=1, help="processes to code with (default: 1)")
    parser.add_argument("--batch-size", type=_positive, default=32, help="articles per batch (default: 32)")
    parser.add_argument("--parse", choices=("selected", "all"), default="selected",
                        help="parse only sentences that can hold an event (default) or all sentences")
    parser.add_argument("--max-chars", type=_positive, default=1_000_000,
                        help="refuse longer articles (default: %(default)s characters)")
    parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="your knowledge-base file of actors (our format; yours win); repeatable")
    parser.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                        help="your CAMEO pattern file (our format; yours win); repeatable")
    parser.add_argument("--dateline-places", action="store_true",
                        help="an event with no place in its sentence or paragraph takes the dateline's "
                             "(where the reporter filed; off by default)")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a day as YYYY-MM-DD, got {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirecoder", epilog=MAIN_EXAMPLES,
                                     description="Code news articles into CAMEO event data.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    code = commands.add_parser("code", help="code articles and print the coded documents",
                               description="Code articles: text, HTML, JSONL/JSON/CSV records, "
                                           "directories, or - for standard input.",
                               epilog=CODE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    code.add_argument("paths", nargs="+", metavar="PATH", help="input files or directories; - reads stdin")
    code.add_argument("--format", choices=("json", "jsonl", "table"), default="jsonl",
                      help="json: one document (a list if several); jsonl: one per line; table: events")
    code.add_argument("-o", "--output", help="write here instead of standard output")
    _add_coding_options(code)

    evaluate = commands.add_parser(
        "eval", help="score coded documents against gold annotations",
        description="Score wirecoder/document/1 JSON against gold YAML (format and matching rules: "
                    "shared/gold/README.md).", epilog=EVAL_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    evaluate.add_argument("gold", help="a gold YAML file or a directory of them")
    evaluate.add_argument("pred", nargs="?", help="coded JSON, JSONL or a directory of JSON files")
    evaluate.add_argument("--run", action="store_true", help="code the gold's own articles, then score")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument("--min-f1", type=float, help="exit 1 when dyad F1 is below this")
    _add_coding_options(evaluate)

    run = commands.add_parser("run", help="code a corpus into the event database (resumable)",
                              description="Code every new or changed article of the inputs into a DuckDB "
                                          "event database; run it again to resume or update.",
                              epilog=RUN_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="input files or directories (text, HTML, JSONL/JSON/CSV, WARC, RSS/Atom); "
                          "- reads stdin")
    run.add_argument("--db", default="events.duckdb", help="the database file (default: events.duckdb)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes (default) or a Dask distributed cluster")
    run.add_argument("--scheduler",
                     help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a local cluster)")
    run.add_argument("--parts", help="Dask engine: a directory all workers reach, for Parquet shards "
                                     "(default: DB.parts)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_coding_options(run)

    events = commands.add_parser("events", help="list stored events, filtered",
                                 epilog=EVENTS_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    events.add_argument("--db", default="events.duckdb", help="the database file (default: events.duckdb)")
    events.add_argument("--actor", help="a CAMEO actor code prefix (CHN, CHNMIL), ISO3 country or name part")
    events.add_argument("--code", help="a CAMEO event code prefix (05, 057)")
    events.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
    events.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    events.add_argument("--limit", type=_positive, help="at most this many events")
    events.add_argument("--format", choices=("table", "csv", "jsonl", "parquet"), default="table")
    events.add_argument("-o", "--output", help="write here (required for parquet)")

    export = commands.add_parser("export", help="export the real events (clusters) as GDELT or PLOVER",
                                 epilog=EVENTS_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("--db", default="events.duckdb", help="the database file (default: events.duckdb)")
    export.add_argument("--format", choices=("gdelt", "plover"), required=True,
                        help="gdelt: the 61 columns of the GDELT 2.0 event table, tab-separated; "
                             "plover: JSONL")
    export.add_argument("-o", "--output", help="write here instead of standard output")

    serve = commands.add_parser("serve", help="serve the HTTP API and the dashboard over a database",
                                epilog="examples:\n  wirecoder serve --db events.duckdb\n"
                                       "  wirecoder serve --db events.duckdb --port 8080 --token s3cret",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    serve.add_argument("--db", default="events.duckdb", help="the database file (default: events.duckdb)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_positive, default=8000)
    serve.add_argument("--token", help="require Authorization: Bearer TOKEN on every request")
    serve.add_argument("--max-body", type=_positive, default=2_000_000, help="largest request body, bytes")
    _add_coding_options(serve)

    demo = commands.add_parser("demo", help="run the bundled sample into a database and print its events",
                               description="The main job on the bundled sample (21 Wikinews articles): "
                                           "`wirecoder run SAMPLE --db DB`, then `wirecoder events --db DB`.",
                               epilog="example:\n  wirecoder demo --db demo.duckdb --workers 2",
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    demo.add_argument("--db", default="wirecoder-demo.duckdb",
                      help="the database file (default: wirecoder-demo.duckdb)")
    _add_coding_options(demo)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(model=args.model, workers=args.workers, batch_size=args.batch_size, parse=args.parse,
                    max_chars=args.max_chars, actor_files=tuple(args.actors),
                    lexicon_files=tuple(args.lexicon), dateline_places=args.dateline_places)


def _report(results: Iterable[Document | Failure], failures: list[Failure]) -> Iterable[Document]:
    """Pass documents on; name each failure (and each warning) on stderr as it happens."""
    for result in results:
        if isinstance(result, Failure):
            failures.append(result)
            print(f"wirecoder: error: {result}", file=sys.stderr)
            continue
        for note in result.article.notes:
            print(f"wirecoder: warning: {result.article.origin}: {note}", file=sys.stderr)
        yield result


def _write(documents: Iterable[Document], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for document in documents:
            out.write(dumps(document_json(document)) + "\n")
            out.flush()
    elif fmt == "json":
        coded = [document_json(d) for d in documents]
        out.write(dumps(coded[0] if len(coded) == 1 else coded, indent=1) + "\n")
    else:
        out.write(render_table(documents) + "\n")


def run_code(paths: Sequence[str], fmt: str, settings: Settings, output: str | None) -> int:
    failures: list[Failure] = []
    documents = _report(code_inputs(paths, settings), failures)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as out:
                _write(documents, fmt, out)
        except OSError as exc:
            raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from exc
    else:
        _write(documents, fmt, sys.stdout)
    if failures:
        print(f"wirecoder: {len(failures)} input(s) failed", file=sys.stderr)
    return EXIT_FAILURES if failures else EXIT_OK


def _predictions(path: str) -> list[dict[str, Any]]:
    source = Path(path)
    if not source.exists():
        raise UsageError(f"{path}: no such file or directory")
    files = sorted(source.glob("*.json")) if source.is_dir() else [source]
    found: list[dict[str, Any]] = []
    for file in files:
        text = file.read_text(encoding="utf-8")
        try:
            value = json.loads(text)
            found.extend(value if isinstance(value, list) else [value])
        except json.JSONDecodeError:
            try:
                found.extend(json.loads(line) for line in text.splitlines() if line.strip())
            except json.JSONDecodeError as exc:
                raise UsageError(f"{file}: neither JSON nor JSON lines ({exc.msg}, "
                                 f"line {exc.lineno})") from exc
    return found


def run_eval(args: argparse.Namespace) -> int:
    golds = load_gold(Path(args.gold))
    if args.run == bool(args.pred):
        raise UsageError("give either PRED or --run")
    if args.run:
        failures: list[Failure] = []
        results = code_inputs(gold_inputs(golds), _settings(args))
        coded = [document_json(d) for d in _report(results, failures)]
    else:
        coded = _predictions(args.pred)
    summary = evaluate(golds, coded)
    print(dumps(summary, indent=1) if args.json else render_scores(summary))
    if args.min_f1 is not None and summary["dyad"]["f1"] < args.min_f1:
        return EXIT_FAILURES
    return EXIT_OK


def render_scores(summary: dict[str, Any]) -> str:
    missing = f" (missing: {summary['missing']})" if summary["missing"] else ""
    lines = [f"articles    {summary['articles']}{missing}"]
    for level in ("dyad", "actor"):
        s = summary[level]
        lines.append(f"{level:11} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                     f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    for key in ("date", "location", "mentions", "attribution", "article", "coref", "quotes"):
        lines.append(f"{key:11} {summary[key]['ok']}/{summary[key]['of']}")
    return "\n".join(lines)


def run_run(args: argparse.Namespace) -> int:
    if args.engine == "local" and (args.scheduler or args.parts):
        raise UsageError("--scheduler and --parts go with --engine dask")
    return _run_into(args.paths, args.db, _settings(args), engine=args.engine, scheduler=args.scheduler,
                     parts=args.parts, progress=not args.no_progress)


def _run_into(paths: Sequence[str], db: str, settings: Settings, *, engine: Engine = "local",
              scheduler: str | None = None, parts: str | None = None, progress: bool = True) -> int:
    from wirecoder.batch import run

    report = run(paths, db, settings, engine=engine, scheduler=scheduler, parts=parts, progress=progress)
    rate = report.words / report.seconds if report.seconds else 0.0
    print(f"{db}: {report.coded} articles coded ({report.replaced} replaced), {report.skipped} already "
          f"there, {report.failed} failed; {report.events} events, {report.clusters} real events after "
          f"dedup; {report.seconds:.1f} s, {rate:,.0f} words/s", file=sys.stderr)
    if report.failed:
        print(f"wirecoder: {report.failed} input(s) failed: see the failures table of {db}", file=sys.stderr)
    return EXIT_FAILURES if report.failed else EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from wirecoder.api import ServeSettings, create_app
    from wirecoder.store import EventStore, upgrade_store

    upgrade_store(args.db)
    with EventStore(args.db, read_only=True):  # a missing or foreign database is a usage error now
        pass
    settings = ServeSettings(db=args.db, token=args.token, max_body=args.max_body, coding=_settings(args))
    print(f"wirecoder: serving {args.db} on http://{args.host}:{args.port}/ (API docs at /docs)",
          file=sys.stderr)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    status = _run_into([sample_path()], args.db, _settings(args))
    _print_events(args.db, EventFilter(), "table", None)
    return status


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            yield out
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def run_events(args: argparse.Namespace) -> int:
    where = EventFilter(actor=args.actor, code=args.code, start=args.start, end=args.end, limit=args.limit)
    return _print_events(args.db, where, args.format, args.output)


def _print_events(db: str, where: EventFilter, fmt: str, output: str | None) -> int:
    from wirecoder.store import EventStore, upgrade_store
    from wirecoder.store.query import select_events

    upgrade_store(db)
    with EventStore(db, read_only=True) as store:
        found = select_events(store, where)
    if fmt == "parquet":
        if not output:
            raise UsageError("--format parquet needs -o FILE")
        write_records(found, "parquet", None, output)
        return EXIT_OK
    with _output(output) as out:
        if fmt == "table":
            out.write(render_stored(found) + "\n")
        else:
            write_records(found, fmt, out, None)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from wirecoder.store import EventStore, upgrade_store
    from wirecoder.store.query import GDELT_COLUMNS, cluster_events, gdelt_row, plover_record

    upgrade_store(args.db)
    with EventStore(args.db, read_only=True) as store:
        found = cluster_events(store)
    with _output(args.output) as out:
        if args.format == "gdelt":
            out.write("\t".join(GDELT_COLUMNS) + "\n")
            for event in found:
                out.write("\t".join("" if v is None else str(v) for v in gdelt_row(event)) + "\n")
        else:
            for event in found:
                out.write(dumps(plover_record(event)) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {"eval": run_eval, "run": run_run, "events": run_events, "export": run_export,
                "serve": run_serve}
    try:
        if args.command == "demo":
            return run_demo(args)
        if args.command in commands:
            return commands[args.command](args)
        return run_code(args.paths, args.format, _settings(args), args.output)
    except (UsageError, ModelError, StoreError) as exc:
        print(f"wirecoder: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
