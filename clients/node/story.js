#!/usr/bin/env node
// A short story told to a real Host over gRPC, from Node.js: a region's official proposes a
// partnership, attaches its letter of intent and advances it, and the region's feed is read
// in two connections (resumed with the last cursor) to check that no event is missed or
// repeated. Any mismatch ends the script with exit code 1; bad arguments with 2.
//
//   node story.js --address http://127.0.0.1:5080 --token "$(collab token --role region-official --region ID-33.02)"
//
// Options (or environment): --address (COLLAB_ADDRESS), --token (COLLAB_TOKEN), --googleapis DIR
// (COLLAB_GOOGLEAPIS_PROTOS; default: the Google.Api.CommonProtos NuGet package's protos),
// --local ID-33.02, --foreign JP-011002, --timeout SECONDS (30).
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const PROTOS = path.resolve(__dirname, '..', '..', 'protos');

function parseArgs(argv) {
  const options = {
    address: process.env.COLLAB_ADDRESS || 'http://127.0.0.1:5080',
    token: process.env.COLLAB_TOKEN || '',
    googleapis: process.env.COLLAB_GOOGLEAPIS_PROTOS || '',
    local: 'ID-33.02',
    foreign: 'JP-011002',
    timeout: 30,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in options) || i + 1 >= argv.length) {
      usage(`unknown option or missing value: ${argv[i]}`);
    }
    options[name] = name === 'timeout' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!options.token) {
    usage('a bearer token is needed: --token or COLLAB_TOKEN (mint one with `collab token --role region-official --region ' + options.local + '`)');
  }
  if (!(options.timeout > 0)) {
    usage('--timeout must be a positive number of seconds');
  }
  options.googleapis = options.googleapis || findGoogleApis();
  return options;
}

function usage(message) {
  console.error(`error: ${message}`);
  process.exit(2);
}

// The googleapis protos (google/api, google/type, google/rpc) ship in the NuGet package the C#
// build restores; take its newest version unless told where they are.
function findGoogleApis() {
  const packages = process.env.NUGET_PACKAGES || path.join(os.homedir(), '.nuget', 'packages');
  const root = path.join(packages, 'google.api.commonprotos');
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort(compareVersions) : [];
  for (const version of versions.reverse()) {
    const dir = path.join(root, version, 'content', 'protos');
    if (fs.existsSync(path.join(dir, 'google', 'api', 'annotations.proto'))) {
      return dir;
    }
  }
  usage(`no googleapis protos under ${root}: run 'dotnet restore' or pass --googleapis DIR (a googleapis checkout)`);
  return '';
}

function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

function loadApi(googleapis) {
  const files = fs.readdirSync(path.join(PROTOS, 'collab', 'v1'))
    .filter((f) => f.endsWith('.proto'))
    .map((f) => `collab/v1/${f}`);
  // keepCase: fields keep their proto names (request_id); longs: String keeps int64 fields
  // (versions) exact; enums: String gives their names.
  const definition = loader.loadSync(files, {
    includeDirs: [PROTOS, googleapis],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).collab.v1;
}

/** Calls a unary rpc with the bearer token and a deadline; rejects with the gRPC error. */
function unary(client, method, request, options) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${options.token}`);
  const deadline = new Date(Date.now() + options.timeout * 1000);
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

/**
 * Opens WatchAgreements after `afterCursor` and reads until `done(messages)` says so, then
 * disconnects. Resolves with every message read (events and heartbeats), in order.
 */
function watch(facilitation, scope, afterCursor, done, options, phase) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${options.token}`);
  const call = facilitation.WatchAgreements({ scope, after_cursor: afterCursor }, metadata);
  const messages = [];
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = (error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      call.cancel();
      if (error) reject(error); else resolve(messages);
    };
    const timer = setTimeout(
      () => finish(new Error(`${phase}: the feed did not deliver what was expected within ${options.timeout} s; read so far: ${describe(messages)}`)),
      options.timeout * 1000);
    call.on('data', (message) => {
      messages.push(message);
      if (done(messages)) finish();
    });
    call.on('error', (error) => finish(new Error(`${phase}: the feed failed: ${error.code} ${error.details}`)));
    call.on('end', () => finish(new Error(`${phase}: the feed ended on its own; read: ${describe(messages)}`)));
  });
}

function describe(messages) {
  return JSON.stringify(messages.map((m) => (m.event ? `${m.event.partnership_id} ${m.event.event_type}` : 'heartbeat')));
}

function cursorOf(message) {
  return message.event ? message.event.cursor : message.heartbeat.cursor;
}

function eventsOf(messages, partnershipId) {
  return messages.filter((m) => m.event && m.event.partnership_id === partnershipId).map((m) => m.event);
}

function date(year, month, day) {
  return { year, month, day };
}

async function expectStatus(promise, code, phase) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.code, code, `${phase}: expected status ${code}, got ${error.code} ${error.details}`);
    return error;
  }
  assert.fail(`${phase}: expected status ${code}, but the call succeeded`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const api = loadApi(options.googleapis);
  const target = options.address.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const credentials = grpc.credentials.createInsecure();
  const partnerships = new api.PartnershipService(target, credentials);
  const facilitation = new api.FacilitationService(target, credentials);
  const step = (text) => console.log(`- ${text}`);

  // A feed position from before the story, so the story's events all come after it.
  const summary = await unary(facilitation, 'GetDashboardSummary', { scope: options.local }, options);
  assert.ok(summary.cursor, 'GetDashboardSummary returned no cursor');
  step(`summary of ${options.local}: cursor ${summary.cursor}`);

  const title = `Node client story ${crypto.randomUUID().slice(0, 8)}`;
  const proposeRequest = {
    request_id: crypto.randomUUID(),
    kind: 'PARTNERSHIP_KIND_SISTER_CITY',
    title,
    local_region_id: options.local,
    counterpart: { foreign_region_id: options.foreign },
    priority_sectors: ['SECTOR_TOURISM', 'SECTOR_EDUCATION'],
    note: 'proposed by the Node.js client',
  };
  const proposed = (await unary(partnerships, 'ProposePartnership', proposeRequest, options)).partnership;
  assert.match(proposed.id, /^P-/, 'the new partnership id');
  assert.equal(proposed.version, '1', 'version after the proposal');
  assert.equal(proposed.stage, 'PARTNERSHIP_STAGE_INITIATIVE', 'stage after the proposal');
  assert.equal(proposed.title, title);
  assert.equal(proposed.counterpart.foreign_region_id, options.foreign);
  step(`proposed ${proposed.id} (${title}), version ${proposed.version}`);

  // A retry with the same request id answers with the first result and creates nothing new.
  const retried = (await unary(partnerships, 'ProposePartnership', proposeRequest, options)).partnership;
  assert.equal(retried.id, proposed.id, 'a retried proposal returns the first partnership');
  assert.equal(retried.version, '1', 'a retried proposal changes nothing');

  const explored = (await unary(partnerships, 'AdvanceStage', {
    request_id: crypto.randomUUID(), partnership_id: proposed.id, expected_version: '1',
    target_stage: 'PARTNERSHIP_STAGE_EXPLORATION', note: 'first exchange of letters',
  }, options)).partnership;
  assert.equal(explored.stage, 'PARTNERSHIP_STAGE_EXPLORATION');
  assert.equal(explored.version, '2');

  // Entering LETTER_OF_INTENT needs the letter: refused with FAILED_PRECONDITION until attached.
  await expectStatus(unary(partnerships, 'AdvanceStage', {
    request_id: crypto.randomUUID(), partnership_id: proposed.id, target_stage: 'PARTNERSHIP_STAGE_LETTER_OF_INTENT',
  }, options), grpc.status.FAILED_PRECONDITION, 'advance without the letter of intent');

  const attached = await unary(partnerships, 'AttachDocument', {
    request_id: crypto.randomUUID(),
    partnership_id: proposed.id,
    expected_version: '2',
    document: {
      kind: 'DOCUMENT_KIND_LETTER_OF_INTENT',
      number: '075/NODE/2025',
      date: date(2025, 6, 24),
      place: 'Purwokerto',
      title: 'Letter of intent on tourism and education',
      signatories: [{ name: 'Bupati of Banyumas', side: 'PARTY_SIDE_LOCAL' }, { name: 'Mayor of Sapporo', side: 'PARTY_SIDE_FOREIGN' }],
      validity: { effective_date: date(2025, 7, 1), expiry_date: date(2030, 6, 30) },
    },
  }, options);
  assert.ok(attached.document_id, 'AttachDocument returned no document id');
  assert.equal(attached.partnership.version, '3');
  assert.equal(attached.partnership.stage, 'PARTNERSHIP_STAGE_EXPLORATION', 'attaching never changes the stage');
  assert.deepEqual(attached.partnership.validity.expiry_date, date(2030, 6, 30));
  step(`attached document ${attached.document_id}, version ${attached.partnership.version}`);

  // A stale expected_version is refused with ABORTED and changes nothing.
  await expectStatus(unary(partnerships, 'AdvanceStage', {
    request_id: crypto.randomUUID(), partnership_id: proposed.id, expected_version: '2', target_stage: 'PARTNERSHIP_STAGE_LETTER_OF_INTENT',
  }, options), grpc.status.ABORTED, 'advance with a stale version');

  const advanced = (await unary(partnerships, 'AdvanceStage', {
    request_id: crypto.randomUUID(), partnership_id: proposed.id, expected_version: '3',
    target_stage: 'PARTNERSHIP_STAGE_LETTER_OF_INTENT', note: 'letter of intent signed',
  }, options)).partnership;
  assert.equal(advanced.stage, 'PARTNERSHIP_STAGE_LETTER_OF_INTENT');
  assert.equal(advanced.version, '4');
  step(`advanced to ${advanced.stage}, version ${advanced.version}`);

  const full = (await unary(partnerships, 'GetPartnership', { partnership_id: proposed.id }, options)).partnership;
  assert.deepEqual(full.history.map((h) => [h.sequence, h.event_type]), [
    ['1', 'PARTNERSHIP_EVENT_TYPE_PROPOSED'],
    ['2', 'PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED'],
    ['3', 'PARTNERSHIP_EVENT_TYPE_DOCUMENT_ATTACHED'],
    ['4', 'PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED'],
  ], 'the partnership history');
  assert.equal(full.documents.length, 1);

  // The feed, first connection: read until the story's first two events, then disconnect.
  const first = await watch(facilitation, options.local, summary.cursor,
    (messages) => eventsOf(messages, proposed.id).length >= 2, options, 'first connection');
  const firstEvents = eventsOf(first, proposed.id);
  const resumeAt = cursorOf(first[first.length - 1]);
  step(`first connection: ${first.length} messages, ${firstEvents.length} of the story; resuming after ${resumeAt}`);

  // A change made while nobody watches; the second connection must deliver it after the rest.
  const sectors = (await unary(partnerships, 'UpdatePrioritySectors', {
    request_id: crypto.randomUUID(), partnership_id: proposed.id, expected_version: '4', priority_sectors: ['SECTOR_TOURISM'],
  }, options)).partnership;
  assert.equal(sectors.version, '5');

  // Second connection, resumed with the last cursor read: the story's remaining events, then the
  // live one, each once.
  const expectedTotal = 6;
  let second = [];
  let live;
  second = await watch(facilitation, options.local, resumeAt, (messages) => {
    const ours = eventsOf(messages, proposed.id);
    if (firstEvents.length + ours.length === expectedTotal - 1 && !live) {
      // Caught up on everything so far: now a change while the stream is open.
      live = unary(partnerships, 'RecordMeeting', {
        request_id: crypto.randomUUID(), partnership_id: proposed.id, expected_version: '5',
        meeting: { date: date(2025, 8, 12), mode: 'MEETING_MODE_VIRTUAL', place: 'video call', summary: 'follow-up on the letter of intent' },
      }, options);
    }
    return firstEvents.length + ours.length >= expectedTotal;
  }, options, 'second connection');
  const meeting = await live;
  assert.equal(meeting.partnership.version, '6');

  const all = [...firstEvents, ...eventsOf(second, proposed.id)];
  assert.deepEqual(all.map((e) => e.event_type), [
    'PARTNERSHIP_EVENT_TYPE_PROPOSED',
    'PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED',
    'PARTNERSHIP_EVENT_TYPE_DOCUMENT_ATTACHED',
    'PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED',
    'PARTNERSHIP_EVENT_TYPE_PRIORITY_SECTORS_CHANGED',
    'PARTNERSHIP_EVENT_TYPE_MEETING_RECORDED',
  ], 'the story\'s events over both connections, in order, each once');
  assert.deepEqual(all.filter((e) => e.event_type === 'PARTNERSHIP_EVENT_TYPE_STAGE_ADVANCED').map((e) => [e.from_stage, e.to_stage]), [
    ['PARTNERSHIP_STAGE_INITIATIVE', 'PARTNERSHIP_STAGE_EXPLORATION'],
    ['PARTNERSHIP_STAGE_EXPLORATION', 'PARTNERSHIP_STAGE_LETTER_OF_INTENT'],
  ], 'the stage moves in the feed');
  const cursors = [...first, ...second].filter((m) => m.event).map(cursorOf);
  assert.equal(new Set(cursors).size, cursors.length, `an event came twice: ${cursors.join(' ')}`);
  assert.ok(!second.some((m) => m.event && cursorOf(m) === resumeAt), 'the second connection repeated the event it resumed after');
  assert.ok(all.every((e) => e.actor === all[0].actor && e.actor.length > 0), 'every event names the same actor');
  step(`second connection: ${second.length} messages; ${all.length} story events in order, none missed or repeated`);

  partnerships.close();
  facilitation.close();
  console.log(`node story passed: ${proposed.id}`);
}

main().catch((error) => {
  console.error(`node story FAILED: ${error.message}`);
  if (error.code === 'ERR_ASSERTION' && error.actual !== undefined) {
    console.error(`  expected: ${JSON.stringify(error.expected)}\n  actual:   ${JSON.stringify(error.actual)}`);
  }
  process.exit(1);
});
