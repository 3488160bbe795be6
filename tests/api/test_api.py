"""The HTTP API on a database coded from the seed and news records: endpoints, the one error shape,
the body limit, the bearer token, escaping, and a schemathesis run against its own OpenAPI spec."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wirecoder.api import ServeSettings, create_app


@pytest.fixture(scope="module")
def client(api_db: Path) -> TestClient:
    return TestClient(create_app(ServeSettings(db=str(api_db), max_body=50_000)), raise_server_exceptions=False)


def is_error(response: Any, status: int) -> bool:
    body = response.json()
    return response.status_code == status and body["ok"] is False and body["status"] == status and body["error"]


def test_api_events_filter_sort_and_page(client: TestClient) -> None:
    everything = client.get("/v1/events", params={"limit": 500}).json()
    assert everything["ok"] and everything["total"] == len(everything["events"]) > 10
    signed = client.get("/v1/events", params={"actor": "CHN", "code": "057"}).json()["events"]
    assert [(e["source_name"], e["target_name"], e["date"], e["place_name"]) for e in signed] == [
        ("Wei Fenghe", "Qamar Javed Bajwa", "2020-11-30", "Islamabad")]
    monday = client.get("/v1/events", params={"from": "2020-11-30", "to": "2020-11-30", "root": "04"}).json()
    assert {e["code"] for e in monday["events"]} == {"046"}
    by_place = client.get("/v1/events", params={"place": "Rome"}).json()["events"]
    assert by_place and all(e["place_name"] == "Rome" for e in by_place)
    by_text = client.get("/v1/events", params={"text": "memorandum"}).json()["events"]
    assert by_text and all("memorandum" in e["sentence"] for e in by_text)
    goldstein = [e["goldstein"] for e in client.get("/v1/events", params={"sort": "-goldstein", "limit": 500}).json()["events"]]
    assert goldstein == sorted(goldstein, reverse=True)
    first, second = (client.get("/v1/events", params={"limit": 2, "offset": n}).json()["events"] for n in (0, 2))
    assert {e["uid"] for e in first}.isdisjoint(e["uid"] for e in second)


def test_api_one_event_with_evidence_article_and_provenance(client: TestClient) -> None:
    [signed] = client.get("/v1/events", params={"code": "057", "actor": "Wei"}).json()["events"]
    detail = client.get(f"/v1/events/{signed['uid']}").json()
    text = detail["article"]["text"]
    evidence = detail["evidence"][0]
    assert "memorandum" in text[evidence["start"]:evidence["end"]]
    fields = {p["field"]: p for p in detail["provenance"]}
    assert fields["code"]["rule"].startswith("cameo_lexicon.tsv")
    date_span = fields["date"]["span"]
    assert text[date_span["start"]:date_span["end"]] == "Monday"
    assert text[fields["place"]["span"]["start"]:fields["place"]["span"]["end"]] == "Islamabad"


def test_api_actors_and_dyads(client: TestClient) -> None:
    actors = client.get("/v1/actors", params={"q": "wei"}).json()["actors"]
    assert actors[0]["name"] == "Wei Fenghe" and actors[0]["country"] == "CHN" and actors[0]["events"] >= 5
    dyad = client.get("/v1/dyads", params={"a": "CHN", "b": "PAK"}).json()
    assert dyad["events"] >= 5 and dyad["goldstein"] > 0
    days = {d["date"]: d for d in dyad["days"]}
    assert days["2020-11-30"]["quad_class"]["1"] >= 2  # the talks and the MoU


def test_api_code_returns_a_schema_valid_document(client: TestClient, schema_validator: Any) -> None:
    response = client.post("/v1/code", json={"text": "Russia accused Ukraine on Tuesday of shelling the nuclear "
                                                     "plant.", "published": "2022-08-10"})
    document = response.json()
    schema_validator.validate(document)
    assert [(e["code"], e["date"]) for e in document["events"] if e["code"] == "112"] == [("112", "2022-08-09")]


def test_api_errors_have_one_shape(client: TestClient) -> None:
    assert is_error(client.get("/v1/events/0000"), 404)
    assert is_error(client.get("/v1/events", params={"limit": 0}), 422)
    assert is_error(client.get("/v1/events", params={"from": "yesterday"}), 422)
    assert is_error(client.get("/v1/dyads"), 422)
    assert is_error(client.post("/v1/code", json={"text": ""}), 422)
    assert is_error(client.post("/v1/code", json={"text": "   "}), 422)
    assert is_error(client.get("/v1/nothing-here"), 404)
    assert is_error(client.post("/v1/code", content=b"{" + b" " * 60_000 + b"}",
                                headers={"content-type": "application/json"}), 413)

    def streamed() -> Any:  # no Content-Length: chunked
        for _ in range(10):
            yield b" " * 10_000

    assert is_error(client.post("/v1/code", content=streamed(), headers={"content-type": "application/json"}), 413)
    for page in ("²", "99999999999999999999999", "-3", "x"):
        assert client.get("/", params={"page": page}).status_code == 200


def test_api_bearer_token(api_db: Path) -> None:
    guarded = TestClient(create_app(ServeSettings(db=str(api_db), token="s3cret")))
    assert is_error(guarded.get("/v1/events"), 401)
    assert is_error(guarded.get("/v1/events", headers={"Authorization": "Bearer wrong"}), 401)
    assert guarded.get("/v1/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert guarded.get("/?token=s3cret").status_code == 200
    assert guarded.get("/map").status_code == 200  # the cookie the token query set


def test_api_pages_escape_what_documents_say(client: TestClient) -> None:
    [hostile] = client.get("/v1/events", params={"actor": "RUS", "code": "112"}).json()["events"]
    page = client.get(f"/events/{hostile['uid']}").text
    assert "<script>window.__pwned" not in page and "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "<img src=x" not in page and "<b>Bad</b>" not in page
    assert 'href="javascript:' not in page  # the record's url is javascript:..., never a link
    table = client.get("/", params={"actor": "RUS"}).text
    assert "<script>window" not in table and "&lt;script&gt;" in table


def test_api_openapi_has_no_server_errors(api_db: Path) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable

    app = create_app(ServeSettings(db=str(api_db)))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures, calls = [], []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation, mode in itertools.product(operations, schemathesis.GenerationMode):
        if operation.path == "/v1/code" and mode is schemathesis.GenerationMode.POSITIVE:
            continue  # coding is slow; valid articles are coded above

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case: Any) -> None:
            response = case.call()
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append((case.path, case.query, response.status_code, response.text[:200]))

        try:
            check()
        except Unsatisfiable:
            assert mode is schemathesis.GenerationMode.NEGATIVE  # e.g. a free-text path parameter: nothing invalid
    assert len(calls) >= 60 and {200, 422} <= set(calls)  # it did call the API, well and badly
    assert not failures
