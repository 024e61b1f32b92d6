"""schemathesis feeds every GET operation what its OpenAPI description does not allow (negative generation), and
values chosen to hurt: text with control characters (NUL first) and integers past 64 bits, in any query or path
parameter. No answer may be a server error (5xx), on SQLite or PostgreSQL; every refusal is one line of JSON."""

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from conflictlens.config import Settings
from conflictlens.server.api import create_app
from conflictlens.store.review import create_token
from conflictlens.store.sql import SQLStore

from .conftest import fill

pytestmark = pytest.mark.slow
CONTROL = st.sampled_from(["\x00", *map(chr, range(1, 9)), "\x0b", "\x0c", *map(chr, range(14, 32))])
TEXT = st.tuples(st.text(max_size=12), CONTROL, st.text(max_size=12)).map("".join)
INTEGERS = st.one_of(st.sampled_from([2**63, 2**63 - 1, 2**64, -(2**63) - 1, 10**100, -1, 0]),
                     st.integers(min_value=2**62), st.integers(max_value=-(2**62))).map(str)
HOSTILE = st.one_of(TEXT, INTEGERS, st.just("9" * 5000))


@pytest.fixture(scope="module")
def api(module_store_url: str) -> Iterator[tuple[object, str]]:
    fill(module_store_url, 6)
    store = SQLStore.open(module_store_url)
    token = create_token(store, "fuzzer")
    store.close()
    yield create_app(Settings(db=module_store_url)), token


def test_no_hostile_value_in_any_get_parameter_is_a_server_error(api):
    app, token = api
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [op for op in operations if op.method.upper() == "GET"]
    assert len(operations) >= 10
    auth = {"Authorization": f"Bearer {token}"}
    answered: dict[int, int] = {}

    def check(case) -> None:  # type: ignore[no-untyped-def]
        response = case.call(headers=auth)
        answered[response.status_code] = answered.get(response.status_code, 0) + 1
        assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text)
        if response.status_code >= 400:
            detail = response.json()["detail"]
            assert isinstance(detail, str) and "\n" not in detail, (case.formatted_path, case.query, detail)

    for operation in operations:
        fuzz(operation, check)
    assert answered.get(422, 0) > 200 and not [s for s in answered if s >= 500], answered


def fuzz(operation, check) -> None:  # type: ignore[no-untyped-def]
    """Hostile values in some of an operation's query and path parameters, then what its description rules out."""
    query = [p.name for p in operation.query]
    path = [p.name for p in operation.path_parameters]
    examples = hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck),
                                   derandomize=True, database=None)

    @given(data=st.data())
    @examples
    def hostile_values(data):  # type: ignore[no-untyped-def]
        fixed_query = data.draw(st.dictionaries(st.sampled_from(query), HOSTILE, min_size=1)) if query else {}
        fixed_path = {name: data.draw(HOSTILE.filter(bool)) for name in path}
        check(data.draw(operation.as_strategy(query=fixed_query, path_parameters=fixed_path)))

    @given(case=operation.as_strategy(GenerationMode.NEGATIVE))
    @examples
    def not_allowed(case):  # type: ignore[no-untyped-def]
        check(case)

    if query or path:
        hostile_values()
    if query:  # a path's text takes any value: only queries have values their description rules out
        not_allowed()
