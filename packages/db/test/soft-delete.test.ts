// Soft delete through relations: a trashed person, place, event, task, deadline or analysis session
// must not come back through another row's include, select, _count or relation filter.
import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { readDataModel } from "../src/data-model.ts";
import { scopedIds } from "../src/seed/context.ts";
import { seedId, seedUserData, type SeedUser } from "../src/seed/index.ts";
import { createSecretBox } from "../src/secrets.ts";
import { SOFT_DELETE_MODELS, UNFILTERED_RELATIONS } from "../src/soft-delete.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

const NOW = new Date("2026-03-15T10:00:00.000Z");
const secrets = createSecretBox(randomBytes(32));
const seedUser = (name: string): SeedUser => ({
  id: seedId(`soft-delete-user:${name}`),
  email: `${name}@soft-delete.cto.test`,
  name,
});

describe.each(testTargets())("soft delete through relations on $name", (target) => {
  const ctx = useMigratedDatabase(target);
  let pairs = 0;

  /** A freshly seeded user (with friend), and their ids. */
  const seeded = async () => {
    const user = seedUser(`user-${pairs}`);
    const friend = seedUser(`friend-${pairs++}`);
    await seedUserData(ctx.db, { user, friend, now: NOW, secrets });
    return { user, id: scopedIds(user) };
  };
  const trash = async (model: "place" | "event" | "task" | "person" | "deadline", id: string) =>
    (ctx.db[model] as unknown as { update: (args: object) => Promise<unknown> }).update({
      where: { id },
      data: { deletedAt: NOW },
    });

  it("an event's place is null while the place is in the trash, and back once restored", async () => {
    const { id } = await seeded();
    const eventId = id("event:dry-run");
    expect((await ctx.db.event.findUniqueOrThrow({ where: { id: eventId }, include: { place: true } })).place?.id).toBe(
      id("place:office"),
    );

    await trash("place", id("place:office"));
    const withPlace = await ctx.db.event.findUniqueOrThrow({ where: { id: eventId }, include: { place: true } });
    expect(withPlace.place).toBeNull();
    // The link itself is kept, so a restore brings the place back.
    expect(withPlace.placeId).toBe(id("place:office"));
    expect(
      (await ctx.db.event.findUniqueOrThrow({ where: { id: eventId }, select: { place: { select: { name: true } } } }))
        .place,
    ).toBeNull();
    expect((await ctx.db.event.findMany({ where: { id: eventId }, include: { place: true } }))[0]!.place).toBeNull();

    await ctx.db.place.update({ where: { id: id("place:office") }, data: { deletedAt: null } });
    expect(
      (await ctx.db.event.findUniqueOrThrow({ where: { id: eventId }, include: { place: true } })).place?.name,
    ).toBe("Acme office");
  });

  it("include and select of a list leave trashed rows out, at every depth", async () => {
    const { user, id } = await seeded();
    const parent = id("task:checklist");
    await trash("task", id("task:checklist:rollback"));

    const task = await ctx.db.task.findUniqueOrThrow({ where: { id: parent }, include: { subtasks: true } });
    expect(task.subtasks.map((t) => t.id)).toEqual([id("task:checklist:steps")]);
    const selected = await ctx.db.task.findUniqueOrThrow({
      where: { id: parent },
      select: { subtasks: { select: { id: true }, orderBy: { position: "asc" } } },
    });
    expect(selected.subtasks).toEqual([{ id: id("task:checklist:steps") }]);

    // Two levels down: user → people → their assigned tasks; user → tasks → subtasks.
    await trash("person", id("person:marco"));
    const deep = await ctx.db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: {
        people: { include: { assignedTasks: true }, orderBy: { name: "asc" } },
        tasks: { where: { parentId: null }, include: { subtasks: true } },
      },
    });
    expect(deep.people.map((p) => p.name)).toEqual(["Lena Berg", "Priya Shah"]);
    await trash("task", parent);
    const afterParent = await ctx.db.person.findUniqueOrThrow({
      where: { id: id("person:priya") },
      include: { assignedTasks: true },
    });
    expect(afterParent.assignedTasks).toEqual([]);
    const userTasks = await ctx.db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { tasks: { include: { subtasks: true } } },
    });
    // The database does not trash subtasks with their parent (the API does): "steps" is still live.
    expect(userTasks.tasks.map((t) => t.id).sort()).toEqual([id("task:agenda"), id("task:checklist:steps")].sort());
    expect(userTasks.tasks.every((t) => t.subtasks.length === 0)).toBe(true);
    // A nested where of the caller's own is kept, with the trash left out beside it.
    const filtered = await ctx.db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { tasks: { where: { title: { contains: "checklist", mode: "insensitive" } } } },
    });
    expect(filtered.tasks).toEqual([]);
  });

  it("_count counts live rows only", async () => {
    const { user, id } = await seeded();
    const counts = async () =>
      (
        await ctx.db.user.findUniqueOrThrow({
          where: { id: user.id },
          select: {
            _count: {
              select: {
                people: true,
                places: true,
                events: true,
                tasks: true,
                deadlines: true,
                analysisSessions: true,
                goals: true,
              },
            },
          },
        })
      )._count;
    // The seed trashes one analysis session already.
    expect(await counts()).toEqual({
      people: 3,
      places: 1,
      events: 2,
      tasks: 4,
      deadlines: 2,
      analysisSessions: 3,
      goals: 3,
    });

    await trash("person", id("person:lena"));
    await trash("event", id("event:one-on-one"));
    await trash("task", id("task:checklist:steps"));
    await trash("deadline", id("deadline:review"));
    expect(await counts()).toEqual({
      people: 2,
      places: 1,
      events: 1,
      tasks: 3,
      deadlines: 1,
      analysisSessions: 3,
      goals: 3,
    });

    const task = await ctx.db.task.findUniqueOrThrow({
      where: { id: id("task:checklist") },
      include: { _count: { select: { subtasks: true, deadlines: true } } },
    });
    expect(task._count).toEqual({ subtasks: 1, deadlines: 1 });
    // A count with its own filter keeps it.
    const done = await ctx.db.task.findUniqueOrThrow({
      where: { id: id("task:checklist") },
      select: { _count: { select: { subtasks: { where: { status: "COMPLETED" } } } } },
    });
    expect(done._count.subtasks).toBe(0);
  });

  it("refuses `_count: true` where it would count trashed rows, and allows it where it cannot", async () => {
    const { user, id } = await seeded();
    await expect(ctx.db.user.findUnique({ where: { id: user.id }, include: { _count: true } })).rejects.toThrow(
      /name the relations/,
    );
    await expect(ctx.db.place.findMany({ include: { _count: true } })).rejects.toThrow(/_count: true` on Place/);
    // A deadline's relations into the trash are to-one; its count is of reminder schedules (the seed schedules one).
    const deadline = await ctx.db.deadline.findUniqueOrThrow({
      where: { id: id("deadline:checklist") },
      include: { _count: true },
    });
    expect(deadline._count).toEqual({ reminderSchedules: 1 });
  });

  it("relation filters of a read match live rows only", async () => {
    const { user, id } = await seeded();
    const placesWithEvents = () => ctx.db.place.count({ where: { userId: user.id, events: { some: {} } } });
    const eventsAtOffice = () => ctx.db.event.count({ where: { userId: user.id, place: { name: "Acme office" } } });
    const eventsAtOfficeIs = () =>
      ctx.db.event.count({ where: { userId: user.id, place: { is: { name: "Acme office" } } } });
    expect([await placesWithEvents(), await eventsAtOffice(), await eventsAtOfficeIs()]).toEqual([1, 1, 1]);

    await trash("event", id("event:dry-run"));
    expect(await placesWithEvents()).toBe(0);
    expect(await ctx.db.place.count({ where: { userId: user.id, events: { none: {} } } })).toBe(1);
    await ctx.db.event.update({ where: { id: id("event:dry-run") }, data: { deletedAt: null } });

    await trash("place", id("place:office"));
    expect([await eventsAtOffice(), await eventsAtOfficeIs()]).toEqual([0, 0]);

    // every: the one live subtask is completed, the trashed one is not, and does not count.
    await trash("task", id("task:checklist:rollback"));
    expect(
      await ctx.db.task.count({ where: { id: id("task:checklist"), subtasks: { every: { status: "COMPLETED" } } } }),
    ).toBe(1);
  });

  it("what a write returns leaves trashed relations out too", async () => {
    const { id } = await seeded();
    await trash("place", id("place:office"));
    const updated = await ctx.db.event.update({
      where: { id: id("event:dry-run") },
      data: { title: "Dry run, moved" },
      include: { place: true },
    });
    expect(updated.place).toBeNull();
  });

  it("naming deletedAt takes control, at the top and in a nested read", async () => {
    const { user, id } = await seeded();
    await trash("task", id("task:checklist:rollback"));
    const trashed = await ctx.db.task.findUniqueOrThrow({
      where: { id: id("task:checklist") },
      include: { subtasks: { where: { deletedAt: { not: null } } } },
    });
    expect(trashed.subtasks.map((t) => t.id)).toEqual([id("task:checklist:rollback")]);
    const all = await ctx.db.task.findUniqueOrThrow({
      where: { id: id("task:checklist") },
      include: { subtasks: { where: { OR: [{ deletedAt: null }, { deletedAt: { not: null } }] } } },
    });
    expect(all.subtasks).toHaveLength(1); // an OR naming deletedAt is not the caller's own deletedAt: the trash stays out
    expect(await ctx.db.task.count({ where: { userId: user.id, deletedAt: { not: null } } })).toBe(1);
  });

  it("an analysis message's session is its session, even in the trash (a required relation)", async () => {
    const { id } = await seeded();
    const message = await ctx.db.analysisMessage.findFirstOrThrow({
      where: { analysisSessionId: id("analysis:complete") },
      include: { analysisSession: true },
    });
    expect(message.analysisSession.id).toBe(id("analysis:complete"));
    // Through a live filter instead, a trashed session's messages are not found.
    await ctx.db.analysisSession.update({ where: { id: id("analysis:complete") }, data: { deletedAt: NOW } });
    expect(await ctx.db.analysisMessage.count({ where: { analysisSession: { id: id("analysis:complete") } } })).toBe(0);
    expect(
      await ctx.db.user.findFirst({ where: { analysisSessions: { some: { id: id("analysis:complete") } } } }),
    ).toBeNull();
  });

  it("covers every relation into a soft-deletable model (an include of each works and hides the trash)", async () => {
    const dataModel = readDataModel(ctx.db);
    const relations = Object.entries(dataModel).flatMap(([model, fields]) =>
      Object.entries(fields)
        .filter(([, { kind, type }]) => kind === "object" && (SOFT_DELETE_MODELS as readonly string[]).includes(type))
        .map(([field]) => ({ model, field })),
    );
    expect(relations.length).toBeGreaterThanOrEqual(18);
    for (const { model, field } of relations) {
      const delegate = (ctx.db as unknown as Record<string, { findFirst: (args: object) => Promise<unknown> }>)[
        model[0]!.toLowerCase() + model.slice(1)
      ]!;
      await expect(delegate.findFirst({ include: { [field]: true } }), `${model}.${field}`).resolves.not.toThrow();
    }
    expect(Object.keys(UNFILTERED_RELATIONS)).toEqual(["AnalysisMessage", "Message"]);
  });
});
