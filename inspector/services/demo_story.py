"""The connected demo's morning: every part of the system does its work once, for real.

Contract: :func:`play_demo_story` runs, against a running demo platform (see
:mod:`inspector.services.demo_platform`), what a county bureau does in a round of
"双随机、一公开", through the same services and sync engine the app uses:

1. the administrator's laptop publishes the shipped checklists to the platform;
2. the team lead's laptop receives the directory, saves a plan for the coming weeks,
   commits its seed to a public text, draws entities and inspectors (``hash-rank-v1``,
   replayable by anyone) and releases the tasks;
3. ``workspace`` (the app's, the inspector's laptop) signs in as the drawn inspector on
   the most teams (among those leading one), so open tasks are left to try, and
   receives the directory, checklists, plan, draw protocol and only their tasks;
4. on that laptop the inspector inspects the first task they lead: two photos, the
   checklist answered, a sample taken with its sealed portions and signed for, the record
   signed and finalized; then the laptop syncs it all up (records, then files);
5. the team lead's laptop syncs again and holds the result for the disclosure board.

The helper laptops live under ``laptops`` (made once). ``progress`` receives each
step's words as it starts. Raises :class:`DemoStoryError` naming the step that failed;
a failed story leaves the platform and laptops as far as they got (a rerun of the demo
with ``--reset`` starts over). Runs on the calling thread, never the UI thread.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from PIL import Image, ImageDraw
from sqlalchemy import select

from inspector.core.follow_up import FollowUp
from inspector.core.lifecycles import TaskRole, TaskStatus
from inspector.core.plan_document import parse_plan
from inspector.core.roles import Actor, Role
from inspector.core.text import LocalText
from inspector.db.models import (
    ChecklistVersion,
    Inspection,
    Inspector,
    MarketEntity,
    Task,
    TaskInspector,
)
from inspector.forms.answers import form_state, suggest_result
from inspector.forms.checklist import Checklist, Item, ItemKind, parse_checklist
from inspector.forms.expressions import Value
from inspector.services import planning
from inspector.services.checklist_drafts import save_answers
from inspector.services.demo_workspace import publish_shipped_checklists
from inspector.services.inspections import entity_fields, finalize_inspection, start_inspection
from inspector.services.photos import attach_photo
from inspector.services.sample_signatures import sign_sample
from inspector.services.samples import SampleForm, take_sample
from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.services.sync_session import Connection, run_sync, sign_in
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync.credentials import CredentialStore
from inspector.sync.database import InlineDatabase
from inspector.sync.engine import DONE, SyncOptions

PLAN_CODE_PREFIX = "ZD-DEMO"
CHECKLIST = "JSSC-SB"  # 集贸市场及城乡结合部商标侵权和假冒伪劣商品检查: the rural markets' own
PUBLIC_TEXT = "中国福利彩票双色球 {day} 开奖号码"  # a text anyone can look up afterwards
Progress = Callable[[LocalText], None]
_T = TypeVar("_T")


class DemoStoryError(RuntimeError):
    def __init__(self, step: LocalText, cause: BaseException) -> None:
        super().__init__(f"{step.en}: {cause}")
        self.step = step
        self.cause = cause


@dataclass(frozen=True, slots=True)
class DemoStory:
    server: str
    inspector: str  # the username the app's laptop signed in as
    plan_code: str
    tasks: int  # released
    inspection: str  # uuid of the finalized inspection
    sample_code: str


def play_demo_story(workspace: Workspace, *, server: str, password: str, laptops: Path,
                    credentials: CredentialStore, today: date,
                    progress: Progress = lambda _text: None) -> DemoStory:
    story = _Story(server, password, laptops, credentials=credentials, today=today,
                   progress=progress)
    story.step(LocalText("管理员发布检查表", "The administrator publishes the checklists"),
               story.publish_checklists)
    plan_code, drawn = story.step(LocalText("组长制定计划、随机抽取并下发任务",
                                            "The team lead plans, draws and releases"),
                                  story.plan_and_draw)
    username = drawn.lower()
    story.step(LocalText(f"检查人员 {drawn} 登录并接收任务",
                         f"Inspector {drawn} signs in and receives the tasks"),
               lambda: story.receive(workspace, username))
    inspection, sample_code = story.step(
        LocalText("现场检查：照片、检查表、抽样与签字", "On site: photos, checklist, sample, "
                  "signatures"), lambda: story.inspect(workspace, drawn))
    story.step(LocalText("同步到平台", "Syncing to the platform"),
               lambda: story.sync_app(workspace, username))
    story.step(LocalText("组长收到检查结果", "The team lead receives the results"),
               story.lead_receives)
    return DemoStory(server, username, plan_code, story.released, inspection, sample_code)


class _Story:
    def __init__(self, server: str, password: str, laptops: Path, *,
                 credentials: CredentialStore, today: date, progress: Progress) -> None:
        self.server = server
        self.password = password
        self.laptops = laptops
        self.credentials = credentials
        self.today = today
        self.progress = progress
        self.released = 0
        self.plan_code = f"{PLAN_CODE_PREFIX}-{today:%Y%m}"
        self._helpers = CredentialStore()  # the helper laptops' tokens, this run only

    def step(self, words: LocalText, work: Callable[[], _T]) -> _T:
        self.progress(words)
        try:
            return work()
        except DemoStoryError:
            raise
        except Exception as exc:  # every failure is reported with the step it broke
            raise DemoStoryError(words, exc) from exc

    def _laptop(self, name: str, username: str) -> Workspace:
        workspace = open_workspace(self.laptops / name)
        sign_in(workspace, Connection(self.server, username), self.password, self._helpers)
        return workspace

    def _sync(self, workspace: Workspace, username: str, credentials: CredentialStore
              ) -> None:
        report = run_sync(workspace.paths, InlineDatabase(workspace.store),
                          Connection(self.server, username), credentials,
                          SyncOptions(originals=True))
        if report.outcome != DONE:
            raise RuntimeError(f"sync ended {report.outcome}: {report.message}")

    def publish_checklists(self) -> None:
        admin = self._laptop("admin", "admin")
        try:
            publish_shipped_checklists(admin, Actor("admin", Role.ADMINISTRATOR))
            self._sync(admin, "admin", self._helpers)
        finally:
            admin.store.close()

    def plan_and_draw(self) -> tuple[str, str]:
        """Returns the plan's code and the staff id leading its first task."""
        lead = self._laptop("lead", "lead")
        actor = Actor("lead", Role.TEAM_LEAD)
        try:
            self._sync(lead, "lead", self._helpers)
            planning.save_plan(lead.store, parse_plan(self._plan_text()), actor)
            planning.commit_seed(lead.store, self.plan_code, actor,
                                 public_text=PUBLIC_TEXT.format(day=self.today.isoformat()))
            planning.run_plan_draw(lead.store, self.plan_code, actor)
            self.released = planning.release_tasks(lead.store, self.plan_code, actor).value
            self._sync(lead, "lead", self._helpers)
            return self.plan_code, _busiest_lead(lead)
        finally:
            lead.store.close()

    def _plan_text(self) -> str:
        start = self.today + timedelta(days=1)
        return json.dumps({
            "format": "inspector-plan-v1", "code": self.plan_code,
            "title": f"正定县{start.year}年{start.month}月集贸市场商标侵权和假冒伪劣商品双随机抽查",
            "check_items": [{"code": CHECKLIST,
                             "title": "集贸市场及城乡结合部商标侵权和假冒伪劣商品检查"}],
            "population": {"region_codes": ["130123"], "entity_types": ["individual"],
                           "registration_statuses": ["active"]},
            "strata": [{"name": "A", "count": 1}, {"name": "B", "count": 2},
                       {"name": "C", "count": 2}, {"name": "D", "count": 2},
                       {"name": "E", "count": 1}],
            "exclusions": {"inspected_within_days": 180, "open_tasks": True},
            # One brigade's inspectors: each gets a few tasks, so the laptop's inspector has
            # open ones left to try after the one the demo inspects.
            "pool": {"units": ["正定县市场监督管理局执法大队"], "region_codes": ["130123"]},
            "team_size": 2, "max_per_inspector": 4,
            "window": {"start": start.isoformat(),
                       "end": (start + timedelta(days=14)).isoformat()},
            "due_date": (start + timedelta(days=20)).isoformat(),
        }, ensure_ascii=False)

    def receive(self, workspace: Workspace, username: str) -> None:
        sign_in(workspace, Connection(self.server, username), self.password, self.credentials)
        self._sync(workspace, username, self.credentials)

    def inspect(self, workspace: Workspace, staff_id: str) -> tuple[str, str]:
        actor = Actor(staff_id.lower(), Role.INSPECTOR)
        now = datetime.now(UTC)
        task_uuid, team = _first_task(workspace, staff_id)
        started = start_inspection(workspace.store, actor, task_uuid, checklist=CHECKLIST,
                                   team=team, certificates_shown=True,
                                   no_conflict_declared=True, location="集贸市场摊位").value
        checklist, entity = _checklist_and_entity(workspace, started.inspection)
        photo_item = next(i for i in checklist.items if i.kind is ItemKind.PHOTO)
        photos = []
        for number, words in enumerate(("摊位全景", "涉嫌假冒商品")):
            source = self.laptops / f"photo-{number + 1}.jpg"
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(_scene_jpeg(words, number))
            photos.append(attach_photo(workspace, actor, started.inspection, photo_item.key,
                                       source).value.original_sha256)
        sample = take_sample(workspace, actor, started.inspection, SampleForm(
            name="某品牌洗衣粉（疑似假冒）", link="circulation", date_type="生产日期",
            date=self.today - timedelta(days=40), quantity="4", unit="袋",
            backup_quantity="2", samplers=team, seal_numbers=("ZD-F-0001", "ZD-F-0002"),
            extra={"batch": f"{self.today - timedelta(days=40):%Y%m%d}",
                   "brand": "某品牌", "spec": "1.5kg/袋"})).value
        signers = [SignatureGiven(SignerRole.PARTY, "摊主", image_png=_signature_png(0))]
        signers += [SignatureGiven(SignerRole.SAMPLER, "", staff_id=staff,
                                   image_png=_signature_png(n + 1))
                    for n, staff in enumerate(team)]
        sign_sample(workspace, actor, sample.sample_code, signers)
        answers = demo_answers(checklist, entity, self.today, tuple(photos),
                               sample.sample_code)
        save_answers(workspace.store, started.draft, answers)
        state = form_state(checklist, answers, entity, self.today)
        suggestion = suggest_result(checklist, answers, state)
        codes = list(suggestion.codes) if suggestion is not None else ["1"]
        signatures = [SignatureGiven(SignerRole.PARTY, "摊主", image_png=_signature_png(0))]
        signatures += [SignatureGiven(SignerRole.INSPECTOR, "", staff_id=staff,
                                      image_png=_signature_png(n + 3))
                       for n, staff in enumerate(team)]
        finalize_inspection(workspace, actor, started.inspection, result_codes=codes,
                            signatures=signatures, follow_up=[FollowUp("none")], now=now)
        return started.inspection, sample.sample_code

    def sync_app(self, workspace: Workspace, username: str) -> None:
        self._sync(workspace, username, self.credentials)

    def lead_receives(self) -> None:
        lead = open_workspace(self.laptops / "lead")
        try:
            self._sync(lead, "lead", self._helpers)
        finally:
            lead.store.close()


def demo_answers(checklist: Checklist, entity: Mapping[str, Value], today: date,
                 photos: tuple[str, ...], sample_code: str) -> dict[str, Value]:
    """Answers a careful inspector gives at a compliant stall: every visible required
    item answered within its kind and range, until the form has no problem left."""
    answers: dict[str, Value] = {}
    for _round in range(len(checklist.items) + 1):
        state = form_state(checklist, answers, entity, today)
        if not state.problems:
            return answers
        for problem in state.problems:
            item = checklist.items_by_key[problem.item]
            answers[item.key] = _plausible(item, today, photos, sample_code,
                                           tried=answers.get(item.key))
    named = ", ".join(p.item for p in form_state(checklist, answers, entity, today).problems)
    raise ValueError(f"the demo cannot answer {checklist.code}: {named}")


def _plausible(item: Item, today: date, photos: tuple[str, ...], sample_code: str, *,
               tried: Value) -> Value:
    choices = [c.value for c in item.choices]
    match item.kind:
        case ItemKind.COMPLIANCE:
            return "不适用" if tried == "符合" else "符合"
        case ItemKind.SINGLE_CHOICE:
            index = choices.index(str(tried)) + 1 if tried in choices else 0
            return choices[index % len(choices)]
        case ItemKind.MULTIPLE_CHOICE:
            return (choices[0],)
        case ItemKind.INTEGER | ItemKind.DECIMAL:
            return item.minimum if item.minimum is not None else Decimal(0)
        case ItemKind.DATE:
            return today
        case ItemKind.PHOTO:
            low, high = item.photos
            return photos[:max(low, min(high or len(photos), len(photos)))]
        case ItemKind.BARCODE | ItemKind.SAMPLE:
            return sample_code
        case _:
            return "无异常" if tried is None else f"{tried}（已核实）"


def _busiest_lead(workspace: Workspace) -> str:
    """The staff id that leads a released task and is on the most teams: the laptop's
    inspector then has open tasks left after the one the demo inspects."""
    with workspace.store.read() as session:
        rows = session.execute(
            select(Inspector.staff_id, TaskInspector.role)
            .join(TaskInspector, TaskInspector.inspector_id == Inspector.id)
            .join(Task, Task.id == TaskInspector.task_id)
            .where(Task.status == TaskStatus.ASSIGNED)).all()
    leads = {staff for staff, role in rows if role == TaskRole.LEAD}
    if not leads:
        raise ValueError("the draw released no task")
    teams = Counter(staff for staff, _role in rows)
    return min(leads, key=lambda staff: (-teams[staff], staff))


def _first_task(workspace: Workspace, staff_id: str) -> tuple[str, tuple[str, ...]]:
    """The first task this inspector leads, and its team (lead first)."""
    with workspace.store.read() as session:
        task_uuid = session.scalar(
            select(Task.uuid).join(TaskInspector, TaskInspector.task_id == Task.id)
            .join(Inspector, Inspector.id == TaskInspector.inspector_id)
            .where(Inspector.staff_id == staff_id, TaskInspector.role == TaskRole.LEAD,
                   Task.status == TaskStatus.ASSIGNED)
            .order_by(Task.due_date, Task.uuid).limit(1))
        if task_uuid is None:
            raise ValueError(f"no task reached inspector {staff_id}")
        team = session.execute(
            select(Inspector.staff_id, TaskInspector.role)
            .join(TaskInspector, TaskInspector.inspector_id == Inspector.id)
            .join(Task, Task.id == TaskInspector.task_id)
            .where(Task.uuid == task_uuid)).all()
    ordered = sorted(team, key=lambda member: member[1] != TaskRole.LEAD)
    return task_uuid, tuple(staff for staff, _role in ordered)


def _checklist_and_entity(workspace: Workspace, inspection_uuid: str
                          ) -> tuple[Checklist, dict[str, Value]]:
    with workspace.store.read() as session:
        inspection = session.scalars(
            select(Inspection).where(Inspection.uuid == inspection_uuid)).one()
        version = session.get_one(ChecklistVersion, inspection.checklist_version_id)
        entity = session.get_one(MarketEntity, inspection.entity_id)
        return parse_checklist(version.content), entity_fields(entity)


def _scene_jpeg(words: str, number: int) -> bytes:
    """A 1600 × 1200 photo-like picture (the demo has no camera)."""
    image = Image.new("RGB", (1600, 1200), (196, 180, 150) if number == 0 else (120, 150, 190))
    draw = ImageDraw.Draw(image)
    for row in range(6):
        for column in range(8):
            shade = (40 + 25 * ((row + column + number) % 5), 90 + 20 * (row % 3), 60)
            draw.rectangle((60 + column * 185, 80 + row * 180, 200 + column * 185,
                            220 + row * 180), fill=shade, outline=(20, 20, 20), width=4)
    draw.text((60, 1140), f"{words} {number + 1}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def _signature_png(seed: int) -> bytes:
    image = Image.new("RGB", (300, 100), "white")
    ImageDraw.Draw(image).line([(12, 78), (58 + 7 * seed, 22), (122, 70), (196 + seed, 28),
                                (284, 62)], fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()

