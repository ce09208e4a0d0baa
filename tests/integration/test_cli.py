"""The ``inspector`` command line, run as a real process (``python -m inspector``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from inspector import __version__
from inspector.core.draw import (
    Candidate,
    DrawPlan,
    Member,
    Stratum,
    protocol_document,
    run_draw,
    seed_from_text,
)
from inspector.db.migrate import head_revision
from inspector.services.directory_import import ImportKind
from inspector.services.workspace import open_workspace
from tests.integration.support import (
    ENTITY_HEADER,
    cli,
    count,
    credit_codes,
    entity_row,
    entity_rows,
    query,
    run_import,
    write_csv,
)

# shared/docs/domain.md §3.3
VALID = [
    "91350100M000100Y43", "914403001922038216", "9144030071526726XG", "91440300708461136T",
    "91330100716105852F", "91110108551385082Q", "91110000710925462X", "91330100799655058B",
    "91130100MA0ABCDE6F", "92130102MA0ABCDE69", "93130181100000016Y", "911301005000002000",
]
VALID_LEGACY = ["130100000012348", "130600000000010", "130102600000019"]
# code -> (problem kinds, expected check character or None)
INVALID = {
    "91350100M000100Y4Z": ({"illegal_character", "check_character"}, "3"),
    "914403001922038217": ({"check_character"}, "6"),
    "91310115MA1H8R7C6D": ({"check_character"}, "7"),
    "91310115MA1G4L1WXK": ({"check_character"}, "7"),
    "9144030071526726X": ({"length"}, None),
    "9144030071526726XGX": ({"length"}, None),
    "91130100MA0ABCDE6S": ({"illegal_character", "check_character"}, "F"),
    "91130100MA0ABCDEOF": ({"illegal_character"}, None),
    "130100000012345": ({"check_character"}, "8"),
    "330108000014576": ({"check_character"}, "2"),
}
# Strictly invalid, but the command line normalises them (NFKC, trim, upper case).
NORMALISED = {
    "91130100MA0ABCDE6f": "91130100MA0ABCDE6F",
    " 914403001922038216": "914403001922038216",
    "９１４４０３００１９２２０３８２１６": "914403001922038216",
}


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"inspector {__version__} (schema {head_revision()})"


def test_every_valid_vector_is_accepted() -> None:
    full_width = "９１４４０３００１９２２０３８２１６"
    result = cli("uscc", *VALID, *VALID_LEGACY, full_width)
    assert result.returncode == 0, result.stdout + result.stderr
    *lines, normalised = result.stdout.splitlines()
    assert len(lines) == len(VALID) + len(VALID_LEGACY)
    for code, line in zip(VALID + VALID_LEGACY, lines, strict=True):
        assert line.startswith(f"{code}\t有效"), line
    for line in lines[len(VALID):]:
        assert "旧版15位注册号" in line
    assert normalised == f"914403001922038216\t有效（已规范化输入“{full_width}”）"
    # The edge case whose GB 11714 body check fails is valid, with a warning.
    assert "提示" in lines[VALID.index("911301005000002000")]
    assert "提示" not in lines[VALID.index("91130100MA0ABCDE6F")]


def test_every_vector_as_json() -> None:
    codes = [*VALID, *VALID_LEGACY, *INVALID, *NORMALISED]
    result = cli("uscc", "--json", *codes)
    assert result.returncode == 1
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [v["input"] for v in verdicts] == codes
    by_input = {v["input"]: v for v in verdicts}
    for code in VALID:
        verdict = by_input[code]
        assert (verdict["valid"], verdict["kind"], verdict["problems"]) == (True, "uscc", [])
        assert (verdict["normalized"], verdict["was_normalized"]) == (code, False)
    for code in VALID_LEGACY:
        assert (by_input[code]["valid"], by_input[code]["kind"]) == (True, "legacy_reg")
    for code, (kinds, expected) in INVALID.items():
        verdict = by_input[code]
        assert verdict["valid"] is False, code
        assert {p["kind"] for p in verdict["problems"]} == kinds, code
        checks = [p for p in verdict["problems"] if p["kind"] == "check_character"]
        assert [p["expected"] for p in checks] == ([expected] if expected else []), code
        assert all(p["message"] for p in verdict["problems"])
    assert by_input["91130100MA0ABCDEOF"]["problems"][0]["position"] == 17
    assert by_input["91130100MA0ABCDEOF"]["problems"][0]["found"] == "O"
    assert by_input["9144030071526726X"]["problems"][0]["found"] == "17"
    for raw, normalized in NORMALISED.items():
        verdict = by_input[raw]
        assert (verdict["valid"], verdict["normalized"], verdict["was_normalized"]) == (
            True, normalized, True)
    assert by_input["911301005000002000"]["warnings"][0]["kind"] == "body_check"


def test_one_invalid_code_makes_the_exit_code_1() -> None:
    full_width = "９１４４０３００１９２２０３８２１６"
    result = cli("--lang", "en", "uscc", "91350100M000100Y43", "91350100M000100Y4Z", full_width)
    assert result.returncode == 1
    valid, invalid, normalised = result.stdout.splitlines()
    assert valid == "91350100M000100Y43\tvalid"
    assert invalid.startswith("91350100M000100Y4Z\tinvalid\t")
    assert "should be '3', found 'Z'" in invalid
    assert normalised == f"914403001922038216\tvalid (normalised from '{full_width}')"


def test_import_exit_codes(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    codes = credit_codes(3, seed=41)
    clean = write_csv(tmp_path / "clean.csv", ENTITY_HEADER, entity_rows(codes[:2]))
    mixed = write_csv(tmp_path / "mixed.csv", ENTITY_HEADER,
                      [entity_row(codes[2], "好公司"), entity_row(codes[0][:17], "坏代码")])
    header_only = write_csv(tmp_path / "header.csv", ENTITY_HEADER, [])

    ok = cli("import", "entities", str(clean), env_data_dir=data_dir)
    assert ok.returncode == 0, ok.stderr
    assert "读取 2 行：新增 2，更新 0，未变 0，拒绝 0 行，警告 0 条" in ok.stdout
    assert "已处理 2/2" in ok.stderr

    rejected = cli("--lang", "en", "import", "entities", str(mixed), data_dir=data_dir)
    assert rejected.returncode == 1
    assert "read 2 rows: 1 added" in rejected.stdout
    assert "1 rejected" in rejected.stdout
    assert "row 3 [统一社会信用代码]" in rejected.stderr
    assert "length is 17" in rejected.stderr
    assert f"report: {tmp_path / 'mixed-import-report.csv'}" in rejected.stdout

    refused = cli("import", "entities", str(header_only), data_dir=data_dir)
    assert refused.returncode == 2
    assert "导入被拒绝" in refused.stderr
    assert "只有表头" in refused.stderr

    db = data_dir / "inspector.sqlite"
    assert count(db, "market_entity") == 3
    assert [a for (a,) in query(db, "SELECT action FROM audit_event ORDER BY seq")] == [
        "workspace.created", "directory.import_entities", "directory.import_entities"]


def test_audit_verify_passes_then_names_the_tampered_event(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    workspace = open_workspace(data_dir)
    try:
        for number, code in enumerate(credit_codes(2, seed=42)):
            path = write_csv(tmp_path / f"f{number}.csv", ENTITY_HEADER, entity_rows([code]))
            assert run_import(workspace, ImportKind.ENTITIES, path).inserted == 1
    finally:
        workspace.store.close()

    intact = cli("--lang", "en", "audit", "verify", data_dir=data_dir)
    assert intact.returncode == 0, intact.stderr
    assert "audit log intact: 3 events" in intact.stdout

    connection = sqlite3.connect(data_dir / "inspector.sqlite")
    with connection:
        connection.execute("DROP TRIGGER audit_event_append_only")
        connection.execute(
            "UPDATE audit_event SET payload = replace(payload, '\"rejected\":0', "
            "'\"rejected\":9') WHERE seq = 2")
        assert connection.total_changes == 1
    connection.close()

    tampered = cli("audit", "verify", env_data_dir=data_dir)
    assert tampered.returncode == 1
    assert "审计日志被篡改：第 2 号事件起断裂" in tampered.stderr
    assert "第 2 号事件的内容与其哈希不符" in tampered.stderr
    assert tampered.stdout == ""


def test_commands_refuse_a_database_from_a_newer_build(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    open_workspace(data_dir).store.close()
    connection = sqlite3.connect(data_dir / "inspector.sqlite")
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffff'")
    connection.close()
    result = cli("--lang", "en", "audit", "verify", data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    assert "newer than this program" in result.stderr
    assert "Traceback" not in result.stderr


def test_calendar_deadline_counts_holidays_and_makeup_days(tmp_path: Path) -> None:
    # 10-01..07 National Day; Saturday 10-10 is a make-up working day:
    # 10-08, 10-09, 10-10, 10-12, 10-13.
    result = cli("calendar", "deadline", "2026-09-30", "5", data_dir=tmp_path / "ws")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2026-10-13"
    assert result.stderr == ""


def test_deadline_in_an_unscheduled_year_is_provisional_until_installed(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "ws"
    provisional = cli("--lang", "en", "calendar", "deadline", "2027-09-30", "5",
                      data_dir=data_dir)
    assert provisional.returncode == 0
    assert provisional.stdout.strip() == "2027-10-07"  # weekends only
    assert "no holiday schedule installed for 2027" in provisional.stderr

    schedule = tmp_path / "cn-2027.json"
    schedule.write_text(json.dumps({
        "year": 2027,
        "source": "test schedule",
        "holidays": [{"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07"}],
        "makeup_workdays": ["2027-09-26", "2027-10-09"],
    }, ensure_ascii=False), encoding="utf-8")
    installed = cli("calendar", "install", str(schedule), data_dir=data_dir)
    assert installed.returncode == 0, installed.stderr
    assert "2027" in installed.stdout
    assert (data_dir / "calendars" / "cn-2027.json").is_file()

    final = cli("calendar", "deadline", "2027-09-30", "5", env_data_dir=data_dir)
    assert final.returncode == 0
    # 10-08 (Fri), 10-09 (Sat, make-up), 10-11, 10-12, 10-13
    assert final.stdout.strip() == "2027-10-13"
    assert final.stderr == ""


def test_calendar_refuses_bad_input(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    bad_date = cli("calendar", "deadline", "2026-02-30", "5", data_dir=data_dir)
    assert bad_date.returncode == 2
    assert "2026-02-30" in bad_date.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"year": 2027, "holidays": "none"}', encoding="utf-8")
    refused = cli("calendar", "install", str(broken), data_dir=data_dir)
    assert refused.returncode == 2
    assert "holidays" in refused.stderr
    assert not (data_dir / "calendars" / "cn-2027.json").exists()


def test_draw_verify_recomputes_a_protocol_and_names_an_edit(tmp_path: Path) -> None:
    seed = seed_from_text("2026-11-28 福彩3D 第2026318期 开奖号码 5 1 7")
    plan = DrawPlan((Stratum("A", ratio="0.03"), Stratum("B", count=2)), team_size=2)
    population = [Member(code, "A" if n % 3 else "B")
                  for n, code in enumerate(credit_codes(120, seed=5))]
    pool = [Candidate(f"ZD{n:03d}") for n in range(6)]
    document = protocol_document(run_draw(seed, plan, population, pool), seed=seed, plan=plan,
                                 population=population, inspectors=pool,
                                 drawn_at="2026-11-28T02:00:00+00:00", operator="王五",
                                 software_version=__version__)
    good = tmp_path / "protocol.json"
    good.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    verified = cli("draw", "verify", str(good))
    assert verified.returncode == 0, verified.stderr
    # A: ceil(0.03 x 80) = 3, B: the 2 asked for.
    assert "抽取记录验证通过" in verified.stdout and "5 个抽中对象" in verified.stdout

    document["selected"][0]["team"].reverse()  # the lead swapped by hand
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    refused = cli("--lang", "en", "draw", "verify", str(edited))
    assert refused.returncode == 1 and "does NOT verify" in refused.stderr
    assert "selected[0]" in refused.stderr and "sha256" in refused.stderr

    garbage = tmp_path / "garbage.json"
    garbage.write_text("[1, 2", encoding="utf-8")
    unreadable = cli("draw", "verify", str(garbage))
    assert unreadable.returncode == 2 and "无法读取抽取记录文件" in unreadable.stderr
