"""A newcomer reads core/ and sandbox/ a function at a time: no function there ranks D or
worse by radon's cyclomatic complexity (above 20) unless a `# complexity: <reason>` comment
on its def line or the line above says why it must be so, and no file in core/ runs past
500 lines."""
from __future__ import annotations

import re
from pathlib import Path

from radon.complexity import cc_rank, cc_visit
from radon.visitors import Class, Function

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("core", "sandbox")
MAX_CORE_LINES = 500
REASON = re.compile(r"#\s*complexity:\s*\S")



def functions(blocks) -> list[Function]:
    """Every function, method and nested function radon found, flattened, each once (radon
    lists a class's methods both on their own and inside the class)."""
    found: dict[tuple[str, int], Function] = {}
    for block in blocks:
        if isinstance(block, Class):
            inner = functions(block.methods) + functions(block.inner_classes)
        else:
            inner = [block, *functions(block.closures)]
        found.update(((f.fullname, f.lineno), f) for f in inner)
    return list(found.values())


def too_complex(source: str) -> list[tuple[str, int, str]]:
    """(qualified name, complexity, rank) of each function ranked D or worse without a
    `# complexity:` reason on its def line or the line above."""
    lines = source.splitlines()
    flagged = []
    for function in functions(cc_visit(source)):
        rank = cc_rank(function.complexity)
        if rank < "D":
            continue
        near = lines[max(function.lineno - 2, 0) : function.lineno]
        if any(REASON.search(line) for line in near):
            continue
        flagged.append((function.fullname, function.complexity, rank))
    return flagged


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_function_in_core_or_the_sandbox_ranks_d_or_worse_without_a_reason():
    flagged = {
        f"{name(path)}:{function}": f"{rank} ({complexity})"
        for path in python_files(*CHECKED)
        for function, complexity, rank in too_complex(path.read_text(encoding="utf-8"))
    }
    assert flagged == {}, "split these into named steps, or say why not with # complexity: <reason>"


def test_no_file_in_core_is_longer_than_500_lines():
    long = {
        name(path): lines
        for path in python_files("core")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_CORE_LINES
    }
    assert long == {}, "split these files"


BRANCHY = "def {name}(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(21)) + "    return -1\n"


def test_the_check_flags_a_function_of_complexity_22_and_not_one_of_20():
    assert too_complex(BRANCHY.format(name="sorting_hat")) == [("sorting_hat", 22, "D")]
    small = "def small(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(19)) + "    return -1\n"
    assert too_complex(small) == []


def test_a_complexity_comment_on_the_def_line_or_above_excuses_a_function():
    above = "# complexity: one branch per opcode reads best as a table\n" + BRANCHY.format(name="opcodes")
    on_the_line = BRANCHY.format(name="opcodes").replace("(x):", "(x):  # complexity: mirrors the spec's table", 1)
    two_above = "# complexity: too far away\n\n" + BRANCHY.format(name="opcodes")
    assert too_complex(above) == []
    assert too_complex(on_the_line) == []
    assert too_complex(two_above) == [("opcodes", 22, "D")]


def test_methods_and_nested_functions_are_checked_too():
    method = "class Shop:\n" + "\n".join("    " + line for line in BRANCHY.format(name="sell").splitlines()) + "\n"
    nested = "def outer():\n" + "\n".join("    " + line for line in BRANCHY.format(name="inner").splitlines()) + "\n    return inner\n"
    assert [(n, r) for n, _c, r in too_complex(method)] == [("Shop.sell", "D")]
    assert ("inner", "D") in [(n.split(".")[-1], r) for n, _c, r in too_complex(nested)]
