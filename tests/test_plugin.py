"""The pytest plugin: the Markdown check-case collector, document items, the fixture, the options.

Each test runs pytest inside pytest (``pytester``). A fake rule, registered only for the duration
of one test, makes findings on a made-up word so the collector is tested independently of the real
rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points

import pytest
import regex

from numclaims.checks import registry
from numclaims.checks.registry import Check, Context, Flag

pytest_plugins = ["pytester"]

# An installed numclaims loads the plugin itself (entry point); otherwise name it explicitly.
_INSTALLED = any(ep.name == "numclaims" for ep in entry_points(group="pytest11"))
PLUGIN = [] if _INSTALLED else ["-p", "numclaims.pytest_plugin"]
INI = '[pytest]\nnumclaims_cases = cases\n'

_BLURSDAY = regex.compile(r"\bBlursday\b")
_GLUMDAY = regex.compile(r"\bGlumday\b")


def _fake(ctx: Context) -> Iterable[Flag]:
    """What it flags: the made-up weekday Blursday (error) and Glumday (info)."""
    for m in _BLURSDAY.finditer(ctx.text):
        yield Flag(m.start(), m.end(), "Blursday is not a day of the week",
                   suggestion="Thursday")
    for m in _GLUMDAY.finditer(ctx.text):
        yield Flag(m.start(), m.end(), "Glumday is not a day either", severity="info")


@pytest.fixture
def fake_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    registry.all_checks()  # load the real families first, so the fake one is simply added
    monkeypatch.setitem(registry._REGISTRY, "Z999",
                        Check("Z999", "fake-day", "error", _fake, _fake.__doc__ or ""))
    yield


def _cases(pytester: pytest.Pytester, body: str, name: str = "fake-day") -> None:
    pytester.makeini(INI)
    pytester.mkdir("cases")
    (pytester.path / "cases" / f"{name}.md").write_text(body, encoding="utf-8")


CASES = '''\
# fake-day

Prose about the rule, with an illustration that is not a case:

```text
Blursday in the prose is ignored.
```

## flags Blursday
published: 2024-11-05

```text
We met on Blursday.
```

```expect
fake-day "Blursday" -> "Thursday"
```

## stays clean on Monday

```text
We met on Monday.
```

```expect
```

## an expected info finding is matched

```text
We met on Glumday.
```

```expect
fake-day "Glumday"
```

## unexpected info findings are ignored

```text
We met on Glumday.
```

```expect
```
'''


def test_one_item_per_case_all_passing(pytester: pytest.Pytester, fake_rule: None) -> None:
    _cases(pytester, CASES)
    result = pytester.runpytest(*PLUGIN, "-v")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["*fake-day.md::flags Blursday PASSED*",
                                 "*fake-day.md::stays clean on Monday PASSED*"])


def test_md_outside_the_case_directories_is_not_collected(pytester: pytest.Pytester,
                                                           fake_rule: None) -> None:
    _cases(pytester, CASES)
    (pytester.path / "notes.md").write_text(CASES, encoding="utf-8")
    result = pytester.runpytest(*PLUGIN)
    result.assert_outcomes(passed=4)


MISMATCH = '''\
## misses a finding

```text
We met on Monday, then on Blursday.
```

```expect
fake-day "Monday"
```
'''


def test_failure_shows_title_text_expected_and_actual(pytester: pytest.Pytester,
                                                      fake_rule: None) -> None:
    _cases(pytester, MISMATCH)
    result = pytester.runpytest(*PLUGIN)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*case 'misses a finding' (fake-day.md:1)*",
        "text:",
        "    We met on Monday, then on Blursday.",
        "expected:",
        '    fake-day "Monday"',
        "actual*",
        '    fake-day "Blursday" -> "Thursday"  [[]error[]]',
        "        Blursday is not a day of the week",
        'missing: fake-day "Monday"',
        'unexpected: fake-day "Blursday"',
    ])
    assert "Traceback" not in result.stdout.str()


def test_wrong_suggestion_fails(pytester: pytest.Pytester, fake_rule: None) -> None:
    _cases(pytester, '## s\n\n```text\nOn Blursday.\n```\n\n```expect\n'
                     'fake-day "Blursday" -> "Friday"\n```\n')
    pytester.runpytest(*PLUGIN).assert_outcomes(failed=1)


def test_duplicate_findings_count_as_a_multiset(pytester: pytest.Pytester,
                                                fake_rule: None) -> None:
    text = "## twice\n\n```text\nBlursday and Blursday.\n```\n\n```expect\n{}```\n"
    _cases(pytester, text.format('fake-day "Blursday"\n'), "once")
    pytester.runpytest(*PLUGIN).assert_outcomes(failed=1)
    (pytester.path / "cases" / "once.md").write_text(
        text.format('fake-day "Blursday"\nfake-day "Blursday"\n'), encoding="utf-8")
    pytester.runpytest(*PLUGIN).assert_outcomes(passed=1)


def test_expect_by_code_and_text_block_without_final_newline(pytester: pytest.Pytester,
                                                              fake_rule: None) -> None:
    # The span is the last word of the block: it would still match with a trailing newline, so
    # also check the case sees exactly the block's text, via a pattern anchored at the end.
    _cases(pytester, '## code\n\n````text\nA ``` fence inside, then Blursday\n````\n\n'
                     '```expect\nZ999 "Blursday"\n```\n')
    pytester.runpytest(*PLUGIN).assert_outcomes(passed=1)


STRICT_XFAIL = '''\
## known miss
xfail: the rule does not know Blursday yet

```text
Blursday.
```

```expect
```

## known miss that now passes
xfail: should turn red

```text
Blursday.
```

```expect
fake-day "Blursday"
```
'''


def test_xfail_is_strict(pytester: pytest.Pytester, fake_rule: None) -> None:
    _cases(pytester, STRICT_XFAIL)
    result = pytester.runpytest(*PLUGIN, "-rxX")
    result.assert_outcomes(xfailed=1, failed=1)
    result.stdout.fnmatch_lines(["*XPASS(strict)*should turn red*"])


def test_published_option_reaches_the_check(pytester: pytest.Pytester,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def dated(ctx: Context) -> Iterable[Flag]:
        if ctx.published is not None and str(ctx.published) == "2024-11-05":
            yield Flag(0, 3, f"dated {ctx.published}")

    registry.all_checks()
    monkeypatch.setitem(registry._REGISTRY, "Z998", Check("Z998", "dated", "error", dated, ""))
    _cases(pytester, '## d\npublished: 2024-11-05\n\n```text\nAbc\n```\n\n```expect\n'
                     'dated "Abc"\n```\n\n## undated\n\n```text\nAbc\n```\n\n```expect\n```\n')
    pytester.runpytest(*PLUGIN).assert_outcomes(passed=2)


def test_inline_and_file_facts_reach_the_check(pytester: pytest.Pytester,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def with_facts(ctx: Context) -> Iterable[Flag]:
        for e in ctx.facts.event if ctx.facts else []:
            yield Flag(0, 3, f"event {e.id}")

    registry.all_checks()
    monkeypatch.setitem(registry._REGISTRY, "Z997",
                        Check("Z997", "facts-seen", "error", with_facts, ""))
    pytester.makefile(".toml", sheet='[[event]]\nid = "a"\nname = "A"\ndate = 2024-01-01\n')
    _cases(pytester, '## file\nfacts: sheet.toml\n\n```text\nAbc\n```\n\n```expect\n'
                     'facts-seen "Abc"\n```\n\n'
                     '## inline\n\n```text\nAbc\n```\n\n```yaml facts\nevent:\n  - id: b\n'
                     '    name: B\n    date: 2024-01-02\n```\n\n```expect\nfacts-seen "Abc"\n```\n\n'
                     '## both\nfacts: sheet.toml\n\n```text\nAbc\n```\n\n```json facts\n'
                     '{"event": [{"id": "c", "name": "C", "date": "2024-01-03"}]}\n```\n\n'
                     '```expect\nfacts-seen "Abc"\nfacts-seen "Abc"\n```\n')
    pytester.runpytest(*PLUGIN).assert_outcomes(passed=3)


@pytest.mark.parametrize(("body", "message"), [
    ("## a\n\n```expect\n```\n", "*fake-day.md:1: case 'a' has no ```text block*"),
    ("## a\n\n```text\nx\n```\n", "*fake-day.md:1: case 'a' has no ```expect block*"),
    ("## a\nwhen: now\n", "*fake-day.md:2: unknown option 'when'*"),
    ("## a\npublished: 2024-13-01\n", "*fake-day.md:2: published: '2024-13-01' is not a date*"),
    ("## a\n\n```text\nx\n", "*fake-day.md:3: code block is never closed*"),
    ("## a\n\n```text\nx\n```\n\n```expect\nfake-day Blursday\n```\n",
     "*fake-day.md:8: expected `<slug> \"<span text>\"`*"),
    ("## a\n\n```text\nx\n```\n\n```expect\n```\n\n## a\n", "*fake-day.md:10: duplicate case*"),
    ("## a\n\n```toml facts\n[[event\n```\n", "*fake-day.md:3: toml facts block does not parse*"),
])
def test_format_errors_name_file_and_line(pytester: pytest.Pytester, body: str,
                                          message: str) -> None:
    _cases(pytester, body)
    result = pytester.runpytest(*PLUGIN)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([message])
    assert "Traceback" not in result.stdout.str()


def test_bad_fact_sheet_is_a_readable_failure(pytester: pytest.Pytester) -> None:
    _cases(pytester, '## f\n\n```text\nx\n```\n\n```toml facts\n[[event]]\nid = "a"\n'
                     'name = "A"\ncolour = "red"\ndate = 2024-01-01\n```\n\n```expect\n```\n')
    result = pytester.runpytest(*PLUGIN)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*case 'f'*[[]event[]]*'colour': unknown field*"])


def test_expect_line_naming_no_rule(pytester: pytest.Pytester, fake_rule: None) -> None:
    _cases(pytester, '## typo\n\n```text\nOn Blursday.\n```\n\n```expect\n'
                     'fake-dya "Blursday"\n```\n')
    result = pytester.runpytest(*PLUGIN)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([("*case 'typo' (fake-day.md:1): the expect block names no "
                                 'registered rule: fake-dya "Blursday"*')])
