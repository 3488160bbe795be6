"""Command line: thin commands over the library.

Exit codes: 0 every input coded; 1 some inputs failed (each named on stderr, the rest coded);
2 usage error (bad option, model not installed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from wirecoder.errors import ModelError, UsageError
from wirecoder.evaluate import evaluate, gold_inputs, load_gold
from wirecoder.output import document_json, dumps, render_table
from wirecoder.pipeline import code_inputs
from wirecoder.records import Document, Failure
from wirecoder.settings import DEFAULT_MODEL, Settings

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

MAIN_EXAMPLES = """examples:
  wirecoder demo
  wirecoder code article.txt --format json
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

    demo = commands.add_parser("demo", help="code the bundled sample corpus and print its events",
                               epilog="example:\n  wirecoder demo --workers 2",
                               formatter_class=argparse.RawDescriptionHelpFormatter)
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            return run_code([sample_path()], "table", _settings(args), None)
        if args.command == "eval":
            return run_eval(args)
        return run_code(args.paths, args.format, _settings(args), args.output)
    except (UsageError, ModelError) as exc:
        print(f"wirecoder: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
