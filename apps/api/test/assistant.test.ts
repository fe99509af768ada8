import { describe, expect, it } from "vitest";

import { fieldPaths, signUp, useApi, type THttpMethod, type TUser } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);
const create = async <P extends string>(client: TUser, path: P, body: object) => {
  const response = await client.request("POST", path, body);
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};
const HOUR = 3_600_000;

describe("people and places: happy paths", () => {
  it("creates a person with every writable field and shows it in the boundary's shape", async () => {
    const synced = Date.UTC(2026, 5, 1);
    const body = {
      name: "Sarah Chen",
      email: "sarah@example.com",
      phone: "+1 555 0100",
      type: "colleague",
      importance: 8,
      company: "Acme",
      title: "CTO",
      notes: "Met at the offsite",
      source: "gmail",
      sourceId: "g-1",
      sourceSyncedAt: synced,
      metadata: { team: "platform", level: 3 },
      tags: ["work", "mentor"],
    };
    const created = await create(alice, "/people", body);
    expect(created).toMatchObject({ ...body, deletedAt: null, createdAt: expect.any(Number) });
    expect(created).not.toHaveProperty("userId");
    const stored = await harness.db.person.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      userId: alice.userId,
      tags: ["work", "mentor"],
      metadata: { team: "platform", level: 3 },
    });
    expect(stored.sourceSyncedAt?.getTime()).toBe(synced);
    expect((await alice.request("GET", `/people/${created.id}`)).body).toEqual(created);
  });

  it("filters people by type, tag and name/email search, sorted by name or importance", async () => {
    const carol = await signUp(harness, "carol");
    const mike = await create(carol, "/people", {
      name: "Mike Johnson",
      email: "MJ@corp.example",
      type: "colleague",
      importance: 3,
      tags: ["golf"],
    });
    const anna = await create(carol, "/people", {
      name: "Anna Berg",
      type: "friend",
      importance: 9,
      tags: ["golf", "book_club"],
    });
    const zoe = await create(carol, "/people", {
      name: "Zoe Mikkelsen",
      email: "zoe@home.example",
      type: "family",
      importance: 6,
    });
    expect(ids(await carol.request("GET", "/people"))).toEqual([anna.id, mike.id, zoe.id]);
    expect(ids(await carol.request("GET", "/people?sort=importance"))).toEqual([anna.id, zoe.id, mike.id]);
    expect(ids(await carol.request("GET", "/people?type=colleague"))).toEqual([mike.id]);
    expect(ids(await carol.request("GET", "/people?tag=golf&sort=importance"))).toEqual([anna.id, mike.id]);
    expect(ids(await carol.request("GET", "/people?q=MIK"))).toEqual([mike.id, zoe.id]);
    expect(ids(await carol.request("GET", "/people?q=corp.EXAMPLE"))).toEqual([mike.id]);
  });

  it("pages through people with a cursor, each exactly once", async () => {
    const dave = await signUp(harness, "dave");
    for (let i = 0; i < 5; i++) await create(dave, "/people", { name: `Person ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    const listPage = (after: string | null) => dave.request("GET", `/people?limit=2${after ? `&cursor=${after}` : ""}`);
    do {
      const page = await listPage(cursor);
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("moves a person to the trash, restores them, and deletes them for good", async () => {
    const person = await create(alice, "/people", { name: "Trashy", tags: ["trash-test"] });
    expect((await alice.request("DELETE", `/people/${person.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/people/${person.id}`)).status).toBe(404);
    expect(ids(await alice.request("GET", "/people?tag=trash-test"))).toEqual([]);
    expect(ids(await alice.request("GET", "/people?tag=trash-test&trash=true"))).toEqual([person.id]);
    const restored = await alice.request("POST", `/people/${person.id}/restore`);
    expect(restored.body).toMatchObject({ id: person.id, deletedAt: null });
    expect((await alice.request("POST", `/people/${person.id}/restore`)).status).toBe(404);
    expect((await alice.request("DELETE", `/people/${person.id}`)).status).toBe(204);
    expect((await alice.request("DELETE", `/people/${person.id}?permanent=true`)).status).toBe(204);
    expect(await harness.db.person.count({ where: { id: person.id, deletedAt: undefined } })).toBe(0);
  });

  it("updates a person; a second person with the same email is a conflict", async () => {
    const person = await create(alice, "/people", { name: "Pat", email: "pat@example.com" });
    const patched = await alice.request("PATCH", `/people/${person.id}`, { importance: 2, tags: ["x"], email: null });
    expect(patched.body).toMatchObject({ importance: 2, tags: ["x"], email: null, name: "Pat" });
    await create(alice, "/people", { name: "Pat 2", email: "pat2@example.com" });
    const duplicate = await alice.request("POST", "/people", { name: "Pat 3", email: "pat2@example.com" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.code).toBe("conflict");
  });

  it("stores place coordinates as exact decimals and shows them as numbers", async () => {
    const place = await create(alice, "/places", {
      name: "Office",
      type: "office",
      city: "Berlin",
      latitude: 52.520008,
      longitude: 13.404954,
      timezone: "Europe/Berlin",
    });
    expect(place).toMatchObject({ latitude: 52.520008, longitude: 13.404954, type: "office" });
    const stored = await harness.db.place.findUniqueOrThrow({ where: { id: place.id } });
    expect(stored.latitude?.toFixed(8)).toBe("52.52000800");
    expect(
      (await alice.request("PATCH", `/places/${place.id}`, { latitude: null, longitude: -122.5 })).body,
    ).toMatchObject({ latitude: null, longitude: -122.5 });
    expect(ids(await alice.request("GET", "/places?type=office"))).toContain(place.id);
  });
});

describe("events, tasks and deadlines: happy paths", () => {
  it("lists upcoming events in start order within a range, by status", async () => {
    const erin = await signUp(harness, "erin");
    const now = Date.now();
    const place = await create(erin, "/places", { name: "Cafe" });
    await create(erin, "/events", { title: "Past", startsAt: now - 2 * HOUR });
    const later = await create(erin, "/events", { title: "Later", startsAt: now + 48 * HOUR, status: "tentative" });
    const soon = await create(erin, "/events", {
      title: "Soon",
      startsAt: now + HOUR,
      endsAt: now + 2 * HOUR,
      placeId: place.id,
      allDay: false,
      virtualUrl: "https://meet.example/x",
    });
    expect(soon).toMatchObject({ placeId: place.id, status: "confirmed", endsAt: now + 2 * HOUR });
    expect(ids(await erin.request("GET", `/events?from=${now}`))).toEqual([soon.id, later.id]);
    expect(ids(await erin.request("GET", `/events?from=${now}&to=${now + 24 * HOUR}`))).toEqual([soon.id]);
    expect(ids(await erin.request("GET", "/events?status=tentative"))).toEqual([later.id]);
    expect(ids(await erin.request("GET", `/events?placeId=${place.id}`))).toEqual([soon.id]);
  });

  it("runs tasks: subtasks, filters, sorts, completedAt following status", async () => {
    const fay = await signUp(harness, "fay");
    const now = Date.now();
    const person = await create(fay, "/people", { name: "Helper" });
    const parent = await create(fay, "/tasks", {
      title: "Launch",
      priority: "high",
      dueDate: now + 5 * HOUR,
      estimatedMinutes: 120,
    });
    const sub1 = await create(fay, "/tasks", {
      title: "Docs",
      parentId: parent.id,
      position: 2,
      priority: "low",
      assignedToId: person.id,
    });
    const sub2 = await create(fay, "/tasks", {
      title: "Tests",
      parentId: parent.id,
      position: 1,
      priority: "urgent",
      dueDate: now + HOUR,
    });
    expect(sub1).toMatchObject({
      parentId: parent.id,
      assignedToId: person.id,
      status: "pending",
      priority: "low",
      completedAt: null,
    });
    expect(ids(await fay.request("GET", "/tasks?parentId=root"))).toEqual([parent.id]);
    expect(ids(await fay.request("GET", `/tasks?parentId=${parent.id}&sort=position`))).toEqual([sub2.id, sub1.id]);
    expect(ids(await fay.request("GET", "/tasks"))).toEqual([sub2.id, parent.id, sub1.id]);
    expect(ids(await fay.request("GET", "/tasks?sort=priority"))).toEqual([sub2.id, parent.id, sub1.id]);
    expect(ids(await fay.request("GET", `/tasks?dueBefore=${now + 2 * HOUR}`))).toEqual([sub2.id]);
    expect(ids(await fay.request("GET", "/tasks?priority=low"))).toEqual([sub1.id]);
    expect(ids(await fay.request("GET", `/tasks?assignedToId=${person.id}`))).toEqual([sub1.id]);
    const done = await fay.request("PATCH", `/tasks/${sub1.id}`, { status: "completed", actualMinutes: 30 });
    expect(done.body).toMatchObject({ status: "completed", completedAt: expect.any(Number), actualMinutes: 30 });
    expect(ids(await fay.request("GET", "/tasks?status=completed"))).toEqual([sub1.id]);
    expect((await fay.request("PATCH", `/tasks/${sub1.id}`, { status: "in_progress" })).body).toMatchObject({
      status: "in_progress",
      completedAt: null,
    });
  });

  it("takes subtasks to the trash with their parent and brings back only those on restore", async () => {
    const hal = await signUp(harness, "hal");
    const parent = await create(hal, "/tasks", { title: "Move house" });
    const child = await create(hal, "/tasks", { title: "Pack", parentId: parent.id });
    const grandchild = await create(hal, "/tasks", { title: "Buy boxes", parentId: child.id });
    const trashedBefore = await create(hal, "/tasks", { title: "Hire van", parentId: parent.id });
    const other = await create(hal, "/tasks", { title: "Unrelated" });
    expect((await hal.request("DELETE", `/tasks/${trashedBefore.id}`)).status).toBe(204);

    expect((await hal.request("DELETE", `/tasks/${parent.id}`)).status).toBe(204);
    expect(ids(await hal.request("GET", "/tasks"))).toEqual([other.id]);
    expect(new Set(ids(await hal.request("GET", "/tasks?trash=true")))).toEqual(
      new Set([parent.id, child.id, grandchild.id, trashedBefore.id]),
    );

    expect((await hal.request("POST", `/tasks/${parent.id}/restore`)).status).toBe(200);
    expect(new Set(ids(await hal.request("GET", "/tasks")))).toEqual(
      new Set([parent.id, child.id, grandchild.id, other.id]),
    );
    expect(ids(await hal.request("GET", "/tasks?trash=true"))).toEqual([trashedBefore.id]);

    // Trashing a subtask alone leaves its parent and siblings where they are.
    expect((await hal.request("DELETE", `/tasks/${grandchild.id}`)).status).toBe(204);
    expect(new Set(ids(await hal.request("GET", "/tasks")))).toEqual(new Set([parent.id, child.id, other.id]));
  });

  it("completes a task once; a cancelled task cannot be completed", async () => {
    const task = await create(alice, "/tasks", { title: "Finish" });
    const completed = await alice.request("POST", `/tasks/${task.id}/complete`);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: "completed", completedAt: expect.any(Number) });
    expect(Math.abs(completed.body.completedAt! - Date.now())).toBeLessThan(60_000);
    const again = await alice.request("POST", `/tasks/${task.id}/complete`);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("invalid_state");
    const cancelled = await create(alice, "/tasks", { title: "Dropped", status: "cancelled" });
    expect((await alice.request("POST", `/tasks/${cancelled.id}/complete`)).status).toBe(409);
    expect((await harness.db.task.findUniqueOrThrow({ where: { id: cancelled.id } })).status).toBe("CANCELLED");
  });

  it("lists approaching deadlines in due order, tied to a task and an event, and completes one once", async () => {
    const gus = await signUp(harness, "gus");
    const now = Date.now();
    const task = await create(gus, "/tasks", { title: "Report" });
    const event = await create(gus, "/events", { title: "Review", startsAt: now + 10 * HOUR });
    const far = await create(gus, "/deadlines", { title: "Far", dueAt: now + 30 * 24 * HOUR, type: "milestone" });
    const second = await create(gus, "/deadlines", {
      title: "Second",
      dueAt: now + 5 * HOUR,
      eventId: event.id,
      importance: 9,
      reminderAt: now + 4 * HOUR,
    });
    const first = await create(gus, "/deadlines", {
      title: "First",
      dueAt: now + 2 * HOUR,
      taskId: task.id,
      consequences: "Late fee",
    });
    expect(first).toMatchObject({ taskId: task.id, type: "deadline", status: "pending", importance: 5 });
    expect(ids(await gus.request("GET", `/deadlines?dueBefore=${now + 24 * HOUR}`))).toEqual([first.id, second.id]);
    expect(ids(await gus.request("GET", "/deadlines?type=milestone"))).toEqual([far.id]);
    expect(ids(await gus.request("GET", "/deadlines?sort=importance"))).toEqual([second.id, first.id, far.id]);
    expect((await gus.request("POST", `/deadlines/${first.id}/complete`)).body).toMatchObject({ status: "completed" });
    expect((await gus.request("POST", `/deadlines/${first.id}/complete`)).status).toBe(409);
    expect(ids(await gus.request("GET", "/deadlines?status=pending"))).toEqual([second.id, far.id]);

    // Moved later while pending or missed, a deadline is extended; moved earlier, or with a status given, it is not.
    const patch = (id: string, body: object) => gus.request("PATCH", `/deadlines/${id}`, body);
    expect((await patch(second.id, { dueAt: now + 6 * HOUR })).body.status).toBe("extended");
    await harness.db.deadline.update({ where: { id: far.id }, data: { status: "MISSED" } });
    expect((await patch(far.id, { dueAt: now + 20 * 24 * HOUR })).body.status).toBe("missed");
    expect((await patch(far.id, { dueAt: now + 40 * 24 * HOUR })).body.status).toBe("extended");
    expect((await patch(far.id, { dueAt: now + 50 * 24 * HOUR, status: "pending" })).body.status).toBe("pending");
    expect((await patch(first.id, { dueAt: now + 9 * HOUR })).body.status).toBe("completed");
  });
});

describe("context entities: bad input", () => {
  it("refuses out-of-range, wrongly cased and mistyped fields with their paths, writing nothing", async () => {
    const before = await harness.db.person.count({ where: { deletedAt: undefined } });
    const person = await alice.request("POST", "/people", {
      name: "",
      email: "nope",
      importance: 11,
      type: "Colleague",
      tags: "work",
      metadata: [1],
    });
    expect(person.status).toBe(400);
    expect(fieldPaths(person)).toEqual(["email", "importance", "metadata", "name", "tags", "type"]);
    expect(await harness.db.person.count({ where: { deletedAt: undefined } })).toBe(before);
    expect(fieldPaths(await alice.request("POST", "/places", { name: "X", latitude: 91, longitude: "13.4" }))).toEqual([
      "latitude",
      "longitude",
    ]);
    expect(
      fieldPaths(
        await alice.request("POST", "/tasks", {
          title: "X",
          status: "COMPLETED",
          priority: "critical",
          dueDate: "2027-01-01",
          estimatedMinutes: -1,
        }),
      ),
    ).toEqual(["dueDate", "estimatedMinutes", "priority", "status"]);
    expect(fieldPaths(await alice.request("POST", "/deadlines", { title: "X", importance: 0 }))).toEqual([
      "dueAt",
      "importance",
    ]);
  });

  it("refuses an event that ends before it starts, on create and on change", async () => {
    const now = Date.now();
    const created = await alice.request("POST", "/events", { title: "Backwards", startsAt: now, endsAt: now - 1 });
    expect(created.status).toBe(400);
    expect(fieldPaths(created)).toEqual(["endsAt"]);
    const event = await create(alice, "/events", { title: "Forwards", startsAt: now });
    // The field is named, as on create: moving one end is checked against the stored other end.
    const patched = await alice.request("PATCH", `/events/${event.id}`, { endsAt: now - HOUR });
    expect(patched.status).toBe(400);
    expect(patched.body.error?.code).toBe("validation_failed");
    expect(fieldPaths(patched)).toEqual(["endsAt"]);
    expect((await harness.db.event.findUniqueOrThrow({ where: { id: event.id } })).endsAt).toBeNull();
    expect(
      fieldPaths(await alice.request("PATCH", `/events/${event.id}`, { startsAt: now + HOUR, endsAt: now })),
    ).toEqual(["endsAt"]);
    const ended = await alice.request("PATCH", `/events/${event.id}`, { endsAt: now + 2 * HOUR });
    expect(ended.status).toBe(200);
    expect(fieldPaths(await alice.request("PATCH", `/events/${event.id}`, { startsAt: now + 3 * HOUR }))).toEqual([
      "endsAt",
    ]);
    expect((await alice.request("PATCH", `/events/${event.id}`, { startsAt: now + HOUR })).status).toBe(200);
  });

  it("refuses a task that would be its own parent or ancestor", async () => {
    const a = await create(alice, "/tasks", { title: "A" });
    const b = await create(alice, "/tasks", { title: "B", parentId: a.id });
    const c = await create(alice, "/tasks", { title: "C", parentId: b.id });
    for (const parentId of [a.id, c.id]) {
      const response = await alice.request("PATCH", `/tasks/${a.id}`, { parentId });
      expect(response.status, parentId).toBe(400);
      expect(fieldPaths(response)).toEqual(["parentId"]);
    }
    expect((await harness.db.task.findUniqueOrThrow({ where: { id: a.id } })).parentId).toBeNull();
    expect((await alice.request("PATCH", `/tasks/${c.id}`, { parentId: a.id })).body.parentId).toBe(a.id);
  });

  it("refuses bad filters, sorts and query timestamps", async () => {
    for (const query of [
      "/tasks?parentId=top",
      "/tasks?sort=random",
      "/events?from=soon",
      "/events?from=1e20",
      "/deadlines?status=done",
      "/people?q=",
      "/people/not-a-uuid",
    ]) {
      const response = await alice.request("GET", query);
      expect(response.status, query).toBe(400);
    }
  });
});

describe("relationships", () => {
  it("links two of your entities, lists them by either end and by name, changes and deletes them", async () => {
    const hal = await signUp(harness, "hal");
    const person = await create(hal, "/people", { name: "Ivy" });
    const event = await create(hal, "/events", { title: "Standup", startsAt: Date.now() });
    const place = await create(hal, "/places", { name: "HQ" });
    const attends = await create(hal, "/relationships", {
      sourceType: "person",
      sourceId: person.id,
      targetType: "event",
      targetId: event.id,
      relationship: "attends",
      strength: 7,
      bidirectional: true,
      notes: "daily",
      metadata: { via: "calendar" },
    });
    expect(attends).toMatchObject({
      sourceType: "person",
      targetType: "event",
      relationship: "attends",
      strength: 7,
      bidirectional: true,
      metadata: { via: "calendar" },
    });
    const locatedAt = await create(hal, "/relationships", {
      sourceType: "event",
      sourceId: event.id,
      targetType: "place",
      targetId: place.id,
      relationship: "located_at",
    });
    expect(locatedAt.strength).toBe(5);
    expect(ids(await hal.request("GET", `/relationships?entityType=event&entityId=${event.id}`)).sort()).toEqual(
      [attends.id, locatedAt.id].sort(),
    );
    expect(ids(await hal.request("GET", `/relationships?entityType=person&entityId=${person.id}`))).toEqual([
      attends.id,
    ]);
    expect(ids(await hal.request("GET", `/relationships?entityId=${place.id}`))).toEqual([locatedAt.id]);
    expect(ids(await hal.request("GET", "/relationships?relationship=located_at"))).toEqual([locatedAt.id]);
    expect((await hal.request("PATCH", `/relationships/${attends.id}`, { strength: 10 })).body).toMatchObject({
      strength: 10,
      relationship: "attends",
    });
    expect((await hal.request("DELETE", `/relationships/${attends.id}`)).status).toBe(204);
    expect((await hal.request("GET", `/relationships/${attends.id}`)).status).toBe(404);
    // Deleting an entity for good removes its links (database trigger), so none dangles.
    expect((await hal.request("DELETE", `/places/${place.id}?permanent=true`)).status).toBe(204);
    expect(ids(await hal.request("GET", "/relationships"))).toEqual([]);
  });

  it("refuses duplicates (409), self-links and out-of-range strength (400), missing or trashed ends (404)", async () => {
    const a = await create(alice, "/people", { name: "End A" });
    const b = await create(alice, "/tasks", { title: "End B" });
    const link = {
      sourceType: "person",
      sourceId: a.id,
      targetType: "task",
      targetId: b.id,
      relationship: "assigned_to",
    };
    await create(alice, "/relationships", link);
    const duplicate = await alice.request("POST", "/relationships", link);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.code).toBe("conflict");
    const self = await alice.request("POST", "/relationships", { ...link, targetType: "person", targetId: a.id });
    expect(self.status).toBe(400);
    expect(fieldPaths(self)).toEqual(["targetId"]);
    expect(
      fieldPaths(await alice.request("POST", "/relationships", { ...link, strength: 11, sourceType: "PERSON" })),
    ).toEqual(["sourceType", "strength"]);
    // The id exists, but as a task, not as a person.
    const wrongKind = await alice.request("POST", "/relationships", { ...link, sourceId: b.id, relationship: "knows" });
    expect(wrongKind.status).toBe(404);
    expect(fieldPaths(wrongKind)).toEqual(["sourceId"]);
    await alice.request("DELETE", `/tasks/${b.id}`);
    expect(fieldPaths(await alice.request("POST", "/relationships", { ...link, relationship: "created_by" }))).toEqual([
      "targetId",
    ]);
    expect(await harness.db.entityRelationship.count({ where: { sourceId: a.id } })).toBe(1);
  });
});

describe("audit log", () => {
  const seedLog = (userId: string, actionType: string, createdAt: Date) =>
    harness.db.auditLog.create({
      data: {
        userId,
        actionType,
        actionCategory: "context",
        entityType: "task",
        intent: "Create a task from the chat",
        confidence: 0.85,
        createdAt,
        startedAt: createdAt,
        assumptions: {
          create: [
            {
              assumption: "Due means end of day",
              category: "inference",
              evidence: { message: "by Friday" },
              confidence: 0.6,
            },
            { assumption: "Work task", category: "context", evidence: {}, confidence: 0.9 },
          ],
        },
      },
      include: { assumptions: true },
    });

  it("lists your entries newest first, by action type, with a cursor", async () => {
    const jan = await signUp(harness, "jan");
    const t = Date.now();
    const logs = [
      await seedLog(jan.userId, "create", new Date(t - 3000)),
      await seedLog(jan.userId, "query", new Date(t - 2000)),
      await seedLog(jan.userId, "create", new Date(t - 1000)),
    ];
    const first = await jan.request("GET", "/audit-logs?limit=2");
    expect(ids(first)).toEqual([logs[2]!.id, logs[1]!.id]);
    expect(first.body.items[0]).toMatchObject({ actionType: "create", confidence: 0.85, createdAt: t - 1000 });
    expect(first.body.items[0]).not.toHaveProperty("userId");
    expect(ids(await jan.request("GET", `/audit-logs?limit=2&cursor=${first.body.nextCursor}`))).toEqual([logs[0]!.id]);
    expect(ids(await jan.request("GET", "/audit-logs?actionType=create"))).toEqual([logs[2]!.id, logs[0]!.id]);
  });

  it("shows an entry with its assumptions, and lets the user verify or correct one", async () => {
    const log = await seedLog(alice.userId, "create", new Date());
    const got = await alice.request("GET", `/audit-logs/${log.id}`);
    expect(got.status).toBe(200);
    expect(got.body.assumptions).toHaveLength(2);
    expect(got.body.assumptions.map((a: { assumption: string }) => a.assumption).sort()).toEqual([
      "Due means end of day",
      "Work task",
    ]);
    expect(got.body.assumptions[0]).toMatchObject({
      auditLogId: log.id,
      verified: null,
      verifiedAt: null,
      confidence: expect.any(Number),
    });
    const target = log.assumptions.find((a) => a.category === "inference")!;
    const verified = await alice.request("POST", `/audit-logs/${log.id}/assumptions/${target.id}/verify`, {
      verified: false,
      correction: "Due means 9am",
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      id: target.id,
      verified: false,
      verifiedBy: "user",
      correction: "Due means 9am",
      verifiedAt: expect.any(Number),
      assumption: "Due means end of day",
    });
    const stored = await harness.db.agentAssumption.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored).toMatchObject({ verified: false, verifiedBy: "user", correction: "Due means 9am" });
    const confirmed = await alice.request("POST", `/audit-logs/${log.id}/assumptions/${target.id}/verify`, {
      verified: true,
    });
    expect(confirmed.body).toMatchObject({ verified: true, correction: null });
  });

  it("refuses bad verification bodies, mismatched entries and any write to the log itself", async () => {
    const log = await seedLog(alice.userId, "update", new Date());
    const other = await seedLog(alice.userId, "update", new Date());
    const assumptionId = log.assumptions[0]!.id;
    expect(
      fieldPaths(
        await alice.request("POST", `/audit-logs/${log.id}/assumptions/${assumptionId}/verify`, {
          verified: "yes",
          correction: "",
        }),
      ),
    ).toEqual(["correction", "verified"]);
    expect(
      (await alice.request("POST", `/audit-logs/${other.id}/assumptions/${assumptionId}/verify`, { verified: true }))
        .status,
    ).toBe(404);
    for (const [method, path] of [
      ["PATCH", `/audit-logs/${log.id}`],
      ["DELETE", `/audit-logs/${log.id}`],
      ["POST", "/audit-logs"],
    ] as const) {
      expect(
        (await alice.request(method, path, method === "DELETE" ? undefined : {})).status,
        `${method} ${path}`,
      ).toBe(405);
    }
    expect(await harness.db.agentAssumption.findUniqueOrThrow({ where: { id: assumptionId } })).toMatchObject({
      verified: null,
    });
  });
});

describe("assistant context: isolation", () => {
  it("answers 404 for another user's records on every route, and changes nothing", async () => {
    const person = await create(alice, "/people", { name: "Alice's friend", importance: 4 });
    const task = await create(alice, "/tasks", { title: "Alice's task" });
    const deadline = await create(alice, "/deadlines", { title: "Alice's deadline", dueAt: Date.now() + HOUR });
    const event = await create(alice, "/events", { title: "Alice's event", startsAt: Date.now() });
    const place = await create(alice, "/places", { name: "Alice's place" });
    const link = await create(alice, "/relationships", {
      sourceType: "person",
      sourceId: person.id,
      targetType: "place",
      targetId: place.id,
      relationship: "lives_at",
    });
    const requests: [THttpMethod, string, object?][] = [
      ["GET", `/people/${person.id}`],
      ["PATCH", `/people/${person.id}`, { name: "hacked" }],
      ["DELETE", `/people/${person.id}`],
      ["DELETE", `/people/${person.id}?permanent=true`],
      ["POST", `/people/${person.id}/restore`],
      ["GET", `/places/${place.id}`],
      ["PATCH", `/places/${place.id}`, { name: "hacked" }],
      ["GET", `/events/${event.id}`],
      ["DELETE", `/events/${event.id}`],
      ["PATCH", `/tasks/${task.id}`, { title: "hacked" }],
      ["POST", `/tasks/${task.id}/complete`],
      ["POST", `/deadlines/${deadline.id}/complete`],
      ["DELETE", `/deadlines/${deadline.id}?permanent=true`],
      ["GET", `/relationships/${link.id}`],
      ["PATCH", `/relationships/${link.id}`, { strength: 1 }],
      ["DELETE", `/relationships/${link.id}`],
    ];
    for (const [method, path, body] of requests)
      expect((await bob.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    for (const list of [
      "/people",
      "/places",
      "/events",
      "/tasks",
      "/deadlines",
      "/relationships",
      "/audit-logs",
    ] as const)
      expect((await bob.request("GET", list)).body.items, list).toEqual([]);
    expect(await harness.db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: "Alice's friend",
      deletedAt: null,
    });
    expect(await harness.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      title: "Alice's task",
      status: "PENDING",
    });
    expect(await harness.db.deadline.findUniqueOrThrow({ where: { id: deadline.id } })).toMatchObject({
      status: "PENDING",
    });
    expect(await harness.db.entityRelationship.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      strength: 5,
    });
  });

  it("refuses references to another user's records in bodies", async () => {
    const person = await create(alice, "/people", { name: "Not Bob's" });
    const task = await create(alice, "/tasks", { title: "Not Bob's" });
    const event = await create(alice, "/events", { title: "Not Bob's", startsAt: Date.now() });
    const place = await create(alice, "/places", { name: "Not Bob's" });
    const bobsPerson = await create(bob, "/people", { name: "Bob's" });
    const bobsTask = await create(bob, "/tasks", { title: "Bob's" });
    const attempts: [THttpMethod, string, object, string][] = [
      ["POST", "/tasks", { title: "x", parentId: task.id }, "parentId"],
      ["POST", "/tasks", { title: "x", assignedToId: person.id }, "assignedToId"],
      ["PATCH", `/tasks/${bobsTask.id}`, { parentId: task.id }, "parentId"],
      ["POST", "/events", { title: "x", startsAt: 0, placeId: place.id }, "placeId"],
      ["POST", "/deadlines", { title: "x", dueAt: 0, taskId: task.id }, "taskId"],
      ["POST", "/deadlines", { title: "x", dueAt: 0, eventId: event.id }, "eventId"],
      [
        "POST",
        "/relationships",
        {
          sourceType: "person",
          sourceId: bobsPerson.id,
          targetType: "event",
          targetId: event.id,
          relationship: "attends",
        },
        "targetId",
      ],
    ];
    for (const [method, path, body, field] of attempts) {
      const response = await bob.request(method, path, body);
      expect(response.status, `${method} ${path} ${field}`).toBe(404);
      expect(fieldPaths(response), field).toEqual([field]);
    }
    expect(await harness.db.task.count({ where: { parentId: task.id } })).toBe(0);
    expect(await harness.db.deadline.count({ where: { OR: [{ taskId: task.id }, { eventId: event.id }] } })).toBe(0);
    expect(await harness.db.entityRelationship.count({ where: { targetId: event.id } })).toBe(0);
  });

  it("hides another user's audit log and assumptions", async () => {
    const log = await harness.db.auditLog.create({
      data: {
        userId: alice.userId,
        actionType: "send",
        actionCategory: "integration",
        assumptions: { create: { assumption: "x", category: "intent", evidence: {}, confidence: 0.5 } },
      },
      include: { assumptions: true },
    });
    expect((await bob.request("GET", `/audit-logs/${log.id}`)).status).toBe(404);
    expect(
      (
        await bob.request("POST", `/audit-logs/${log.id}/assumptions/${log.assumptions[0]!.id}/verify`, {
          verified: true,
        })
      ).status,
    ).toBe(404);
    expect(await harness.db.agentAssumption.findUniqueOrThrow({ where: { id: log.assumptions[0]!.id } })).toMatchObject(
      { verified: null, verifiedBy: null },
    );
  });

  it("needs credentials", async () => {
    for (const path of ["/people", "/places", "/events", "/tasks", "/deadlines", "/relationships", "/audit-logs"])
      expect((await harness.app.request(path)).status, path).toBe(401);
    const post = await harness.app.request("/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "anon" }),
    });
    expect(post.status).toBe(401);
  });

  it("documents every assistant route in /openapi.json", async () => {
    const document = (await (await harness.app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const resource of ["people", "places", "events", "tasks", "deadlines", "relationships"]) {
      expect(Object.keys(document.paths[`/${resource}`] ?? {}).sort(), resource).toEqual(["get", "post"]);
      expect(Object.keys(document.paths[`/${resource}/{id}`] ?? {}).sort(), resource).toEqual([
        "delete",
        "get",
        "patch",
      ]);
    }
    expect(document.paths["/tasks/{id}/complete"]).toHaveProperty("post");
    expect(document.paths["/deadlines/{id}/complete"]).toHaveProperty("post");
    expect(document.paths["/people/{id}/restore"]).toHaveProperty("post");
    expect(Object.keys(document.paths["/audit-logs"] ?? {})).toEqual(["get"]);
    expect(document.paths["/audit-logs/{auditLogId}/assumptions/{id}/verify"]).toHaveProperty("post");
  });
});
