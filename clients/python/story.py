#!/usr/bin/env python3
"""A short story told to a real Host over gRPC, from Python.

A region's official proposes a partnership, attaches its letter of intent and advances it; a
refused move is checked for its google.rpc.ErrorInfo; the partnership is read back over the
JSON (HTTP/1.1) port too; and the region's feed is read in two connections, the second resumed
with the last cursor of the first, to check that no event is missed or repeated. Any mismatch
ends the script with exit code 1; bad arguments or a missing module with 2.

    python3 story.py --address http://127.0.0.1:5080 --token "$(collab token --role region-official --region ID-33.06)"

The stubs are generated from protos/ at start, into a temporary folder (see protos/README.md).
"""

import argparse
import glob
import importlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROTOS = os.path.join(ROOT, "protos")
# The googleapis files the collab protos import, and google/rpc for error details.
GOOGLEAPIS_FILES = [
    "google/api/annotations.proto",
    "google/api/http.proto",
    "google/api/field_behavior.proto",
    "google/type/date.proto",
    "google/rpc/status.proto",
    "google/rpc/error_details.proto",
]


class StoryFailure(Exception):
    """A mismatch between what the server did and what the story expects."""


def check(condition, message):
    if not condition:
        raise StoryFailure(message)


def equal(actual, expected, what):
    if actual != expected:
        raise StoryFailure(f"{what}: expected {expected!r}, got {actual!r}")


def fail_setup(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", default=os.environ.get("COLLAB_ADDRESS", "http://127.0.0.1:5080"), help="the Host's gRPC (h2c) address")
    parser.add_argument("--http-address", default=os.environ.get("COLLAB_HTTP_ADDRESS", ""), help="the Host's JSON (HTTP/1.1) address; empty skips the JSON check")
    parser.add_argument("--token", default=os.environ.get("COLLAB_TOKEN", ""), help="bearer token (collab token ...)")
    parser.add_argument("--googleapis", default=os.environ.get("COLLAB_GOOGLEAPIS_PROTOS", ""), help="folder with google/api/*.proto")
    parser.add_argument("--build-dir", default="", help="where to generate the stubs (default: a temporary folder, removed at exit)")
    parser.add_argument("--local", default="ID-33.06", help="the Indonesian party and the watched scope")
    parser.add_argument("--foreign", default="JP-261009", help="the foreign party")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per call and per feed phase")
    args = parser.parse_args()
    if not args.token:
        fail_setup(f"a bearer token is needed: --token or COLLAB_TOKEN (mint one with `collab token --role region-official --region {args.local}`)")
    args.googleapis = args.googleapis or find_googleapis()
    return args


def find_googleapis():
    """The protos of the Google.Api.CommonProtos NuGet package that the C# build restores."""
    packages = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
    candidates = glob.glob(os.path.join(packages, "google.api.commonprotos", "*", "content", "protos"))
    candidates.sort(key=lambda p: [int(x) if x.isdigit() else 0 for x in p.split(os.sep)[-3].replace("-", ".").split(".")])
    for candidate in reversed(candidates):
        if os.path.exists(os.path.join(candidate, "google", "api", "annotations.proto")):
            return candidate
    fail_setup(f"no googleapis protos under {packages}/google.api.commonprotos: run 'dotnet restore' or pass --googleapis DIR")
    return ""


def generate(googleapis, out):
    """Generates message and service stubs with grpc_tools if installed, else with protoc and grpc_python_plugin."""
    collab = sorted(os.path.relpath(p, PROTOS) for p in glob.glob(os.path.join(PROTOS, "collab", "v1", "*.proto")))
    try:
        import grpc_tools
        well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
        command = [sys.executable, "-m", "grpc_tools.protoc", f"-I{well_known}"]
    except ImportError:
        protoc, plugin = shutil.which("protoc"), shutil.which("grpc_python_plugin")
        if not protoc or not plugin:
            fail_setup("neither grpc_tools nor protoc with grpc_python_plugin is installed: apt-get install protobuf-compiler protobuf-compiler-grpc libprotobuf-dev (or pip install grpcio-tools)")
        command = [protoc, f"--plugin=protoc-gen-grpc_python={plugin}"]
        if os.path.exists("/usr/include/google/protobuf/timestamp.proto"):
            command.append("-I/usr/include")
    command += [f"-I{PROTOS}", f"-I{googleapis}", f"--python_out={out}", f"--grpc_python_out={out}"]
    result = subprocess.run(command + collab + GOOGLEAPIS_FILES, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        fail_setup(f"generating the stubs failed ({' '.join(command[:2])}):\n{result.stderr}")
    sys.path.insert(0, out)


def load_modules():
    names = {
        "common": "collab.v1.common_pb2",
        "partnership": "collab.v1.partnership_service_pb2",
        "partnership_grpc": "collab.v1.partnership_service_pb2_grpc",
        "facilitation": "collab.v1.facilitation_service_pb2",
        "facilitation_grpc": "collab.v1.facilitation_service_pb2_grpc",
        "date": "google.type.date_pb2",
        "status": "google.rpc.status_pb2",
        "error_details": "google.rpc.error_details_pb2",
    }
    return argparse.Namespace(**{key: importlib.import_module(name) for key, name in names.items()})


class Story:
    def __init__(self, args, grpc, m):
        self.args = args
        self.grpc = grpc
        self.m = m
        target = args.address.removeprefix("http://").removeprefix("https://").rstrip("/")
        self.channel = grpc.insecure_channel(target)
        self.partnerships = m.partnership_grpc.PartnershipServiceStub(self.channel)
        self.facilitation = m.facilitation_grpc.FacilitationServiceStub(self.channel)
        self.metadata = (("authorization", f"Bearer {args.token}"),)

    def call(self, method, request):
        return method(request, metadata=self.metadata, timeout=self.args.timeout)

    def refused(self, method, request, code, phase):
        """Calls expecting a failure with `code`; returns the google.rpc.Status details sent with it."""
        try:
            self.call(method, request)
        except self.grpc.RpcError as error:
            equal(error.code(), code, f"{phase}: status")
            details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
            status = self.m.status.Status()
            if details:
                status.ParseFromString(details)
            return status
        raise StoryFailure(f"{phase}: expected {code}, but the call succeeded")

    def date(self, year, month, day):
        return self.m.date.Date(year=year, month=month, day=day)

    def watch(self, after_cursor, done, phase):
        """Reads WatchAgreements after `after_cursor` until done(messages), then disconnects."""
        request = self.m.facilitation.WatchAgreementsRequest(scope=self.args.local, after_cursor=after_cursor)
        stream = self.facilitation.WatchAgreements(request, metadata=self.metadata)
        messages = []
        inbox = queue.Queue()

        def pump():
            try:
                for message in stream:
                    inbox.put(message)
                inbox.put(StoryFailure(f"{phase}: the feed ended on its own"))
            except self.grpc.RpcError as error:
                inbox.put(error)

        threading.Thread(target=pump, daemon=True).start()
        try:
            while not done(messages):
                try:
                    item = inbox.get(timeout=self.args.timeout)
                except queue.Empty:
                    raise StoryFailure(f"{phase}: the feed did not deliver what was expected within {self.args.timeout} s; read: {describe(messages)}") from None
                if isinstance(item, StoryFailure):
                    raise item
                if isinstance(item, self.grpc.RpcError):
                    raise StoryFailure(f"{phase}: the feed failed: {item.code()} {item.details()}")
                messages.append(item)
        finally:
            stream.cancel()
        return messages


def describe(messages):
    return [f"{m.event.partnership_id} {m.event.event_type}" if m.WhichOneof("payload") == "event" else "heartbeat" for m in messages]


def cursor_of(message):
    return message.event.cursor if message.WhichOneof("payload") == "event" else message.heartbeat.cursor


def events_of(messages, partnership_id):
    return [m.event for m in messages if m.WhichOneof("payload") == "event" and m.event.partnership_id == partnership_id]


def run(args, grpc, m):
    story = Story(args, grpc, m)
    P, C = m.partnership, m.common
    step = lambda text: print(f"- {text}", flush=True)  # noqa: E731

    summary = story.call(story.facilitation.GetDashboardSummary, m.facilitation.GetDashboardSummaryRequest(scope=args.local))
    check(summary.cursor, "GetDashboardSummary returned no cursor")
    step(f"summary of {args.local}: cursor {summary.cursor}")

    title = f"Python client story {uuid.uuid4().hex[:8]}"
    propose = P.ProposePartnershipRequest(
        request_id=str(uuid.uuid4()),
        kind=C.PARTNERSHIP_KIND_SISTER_CITY,
        title=title,
        local_region_id=args.local,
        counterpart=P.Counterpart(foreign_region_id=args.foreign),
        priority_sectors=[C.SECTOR_CULTURE, C.SECTOR_TOURISM],
        note="proposed by the Python client",
    )
    proposed = story.call(story.partnerships.ProposePartnership, propose).partnership
    check(proposed.id.startswith("P-"), f"the new partnership id {proposed.id!r}")
    equal(proposed.version, 1, "version after the proposal")
    equal(proposed.stage, C.PARTNERSHIP_STAGE_INITIATIVE, "stage after the proposal")
    equal(proposed.counterpart.foreign_region_id, args.foreign, "the counterpart")
    step(f"proposed {proposed.id} ({title}), version {proposed.version}")

    retried = story.call(story.partnerships.ProposePartnership, propose).partnership
    equal((retried.id, retried.version), (proposed.id, 1), "a retried proposal returns the first result")

    explored = story.call(story.partnerships.AdvanceStage, P.AdvanceStageRequest(
        request_id=str(uuid.uuid4()), partnership_id=proposed.id, expected_version=1,
        target_stage=C.PARTNERSHIP_STAGE_EXPLORATION, note="first exchange of letters")).partnership
    equal((explored.stage, explored.version), (C.PARTNERSHIP_STAGE_EXPLORATION, 2), "after moving to exploration")

    # Entering LETTER_OF_INTENT needs the letter; the refusal says why in a google.rpc.ErrorInfo.
    status = story.refused(story.partnerships.AdvanceStage, P.AdvanceStageRequest(
        request_id=str(uuid.uuid4()), partnership_id=proposed.id, target_stage=C.PARTNERSHIP_STAGE_LETTER_OF_INTENT),
        grpc.StatusCode.FAILED_PRECONDITION, "advance without the letter of intent")
    infos = []
    for detail in status.details:
        info = m.error_details.ErrorInfo()
        if detail.Unpack(info):
            infos.append(info)
    equal([(i.domain, i.reason) for i in infos], [("collab.v1", "ILLEGAL_TRANSITION")], "the refusal's ErrorInfo")

    attached = story.call(story.partnerships.AttachDocument, P.AttachDocumentRequest(
        request_id=str(uuid.uuid4()), partnership_id=proposed.id, expected_version=2,
        document=P.Document(
            kind=C.DOCUMENT_KIND_LETTER_OF_INTENT,
            number="075/PY/2025",
            date=story.date(2025, 6, 24),
            place="Purworejo",
            title="Letter of intent on culture and tourism",
            signatories=[C.Person(name="Bupati of Purworejo", side=C.PARTY_SIDE_LOCAL), C.Person(name="Mayor of Kyoto", side=C.PARTY_SIDE_FOREIGN)],
            validity=C.ValidityWindow(effective_date=story.date(2025, 7, 1), expiry_date=story.date(2030, 6, 30)),
        )))
    check(attached.document_id, "AttachDocument returned no document id")
    equal((attached.partnership.version, attached.partnership.stage), (3, C.PARTNERSHIP_STAGE_EXPLORATION), "after attaching (the stage is unchanged)")
    equal(attached.partnership.validity.expiry_date, story.date(2030, 6, 30), "the partnership's validity")
    step(f"attached document {attached.document_id}, version {attached.partnership.version}")

    story.refused(story.partnerships.AdvanceStage, P.AdvanceStageRequest(
        request_id=str(uuid.uuid4()), partnership_id=proposed.id, expected_version=2, target_stage=C.PARTNERSHIP_STAGE_LETTER_OF_INTENT),
        grpc.StatusCode.ABORTED, "advance with a stale version")

    advanced = story.call(story.partnerships.AdvanceStage, P.AdvanceStageRequest(
        request_id=str(uuid.uuid4()), partnership_id=proposed.id, expected_version=3,
        target_stage=C.PARTNERSHIP_STAGE_LETTER_OF_INTENT, note="letter of intent signed")).partnership
    equal((advanced.stage, advanced.version), (C.PARTNERSHIP_STAGE_LETTER_OF_INTENT, 4), "after moving to letter of intent")
    step(f"advanced to {C.PartnershipStage.Name(advanced.stage)}, version {advanced.version}")

    full = story.call(story.partnerships.GetPartnership, P.GetPartnershipRequest(partnership_id=proposed.id)).partnership
    equal([(h.sequence, C.PartnershipEventType.Name(h.event_type)) for h in full.history], [
        (1, "PARTNERSHIP_EVENT_TYPE_PROPOSED"),
        (2, "PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED"),
        (3, "PARTNERSHIP_EVENT_TYPE_DOCUMENT_ATTACHED"),
        (4, "PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED"),
    ], "the partnership history")

    if args.http_address:
        # The same partnership over the JSON port; int64 fields may come as strings or numbers.
        request = urllib.request.Request(f"{args.http_address.rstrip('/')}/v1/partnerships/{proposed.id}", headers={"Authorization": f"Bearer {args.token}"})
        with urllib.request.urlopen(request, timeout=args.timeout) as response:
            body = json.load(response)["partnership"]
        equal((body["id"], int(body["version"]), body["stage"]), (proposed.id, 4, "PARTNERSHIP_STAGE_LETTER_OF_INTENT"), "GET /v1/partnerships/{id} over JSON")
        equal(body["documents"][0]["validity"]["expiryDate"], {"year": 2030, "month": 6, "day": 30}, "the document's expiry over JSON")
        step("read back over the JSON port")

    # The feed, first connection: until the story's first two events, then disconnect.
    first = story.watch(summary.cursor, lambda ms: len(events_of(ms, proposed.id)) >= 2, "first connection")
    first_events = events_of(first, proposed.id)
    resume_at = cursor_of(first[-1])
    step(f"first connection: {len(first)} messages, {len(first_events)} of the story; resuming after {resume_at}")

    # A change while nobody watches, and one while the second connection is open.
    sectors = story.call(story.partnerships.UpdatePrioritySectors, P.UpdatePrioritySectorsRequest(
        request_id=str(uuid.uuid4()), partnership_id=proposed.id, expected_version=4, priority_sectors=[C.SECTOR_CULTURE])).partnership
    equal(sectors.version, 5, "version after changing the sectors")
    expected_total = 6
    live = []

    def second_done(messages):
        seen = len(first_events) + len(events_of(messages, proposed.id))
        if seen == expected_total - 1 and not live:
            live.append(story.call(story.partnerships.RecordMeeting, P.RecordMeetingRequest(
                request_id=str(uuid.uuid4()), partnership_id=proposed.id, expected_version=5,
                meeting=P.Meeting(date=story.date(2025, 8, 12), mode=C.MEETING_MODE_VIRTUAL, place="video call", summary="follow-up on the letter of intent"))))
        return seen >= expected_total

    second = story.watch(resume_at, second_done, "second connection")
    equal(live[0].partnership.version, 6, "version after the live meeting")

    every = first_events + events_of(second, proposed.id)
    equal([C.PartnershipEventType.Name(e.event_type) for e in every], [
        "PARTNERSHIP_EVENT_TYPE_PROPOSED",
        "PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED",
        "PARTNERSHIP_EVENT_TYPE_DOCUMENT_ATTACHED",
        "PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED",
        "PARTNERSHIP_EVENT_TYPE_PRIORITY_SECTORS_CHANGED",
        "PARTNERSHIP_EVENT_TYPE_MEETING_RECORDED",
    ], "the story's events over both connections, in order, each once")
    equal([(e.from_stage, e.to_stage) for e in every if e.event_type == C.PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED], [
        (C.PARTNERSHIP_STAGE_INITIATIVE, C.PARTNERSHIP_STAGE_EXPLORATION),
        (C.PARTNERSHIP_STAGE_EXPLORATION, C.PARTNERSHIP_STAGE_LETTER_OF_INTENT),
    ], "the stage moves in the feed")
    cursors = [cursor_of(x) for x in first + second if x.WhichOneof("payload") == "event"]
    equal(len(set(cursors)), len(cursors), f"distinct event cursors over both connections ({cursors})")
    check(all(cursor_of(x) != resume_at for x in second if x.WhichOneof("payload") == "event"), "the second connection repeated the event it resumed after")
    step(f"second connection: {len(second)} messages; {len(every)} story events in order, none missed or repeated")

    story.channel.close()
    print(f"python story passed: {proposed.id}")


def main():
    args = parse_args()
    try:
        grpc = importlib.import_module("grpc")
        importlib.import_module("google.protobuf")
    except ImportError as error:
        fail_setup(f"{error.name} is missing for {sys.executable}: apt-get install python3-grpcio python3-protobuf (or pip install grpcio protobuf)")
    out = args.build_dir or tempfile.mkdtemp(prefix="collab-python-stubs-")
    try:
        os.makedirs(out, exist_ok=True)
        generate(args.googleapis, out)
        modules = load_modules()
        run(args, grpc, modules)
    except StoryFailure as failure:
        print(f"python story FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    except grpc.RpcError as error:
        print(f"python story FAILED: {error.code()} {error.details()}", file=sys.stderr)
        sys.exit(1)
    except urllib.error.URLError as error:
        print(f"python story FAILED: the JSON call failed: {error}", file=sys.stderr)
        sys.exit(1)
    finally:
        if not args.build_dir:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
