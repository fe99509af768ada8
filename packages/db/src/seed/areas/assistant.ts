import { upsertEmbedding } from "../../vector.ts";
import { daysFrom, hoursFrom, localClock, SEED_TIMEZONE, type SeedContext } from "../context.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding } from "../fixture-embedding.ts";

export const seedAssistant = async ({ db, user, now, secrets, id }: SeedContext) => {
  const priya = id("person:priya");
  const marco = id("person:marco");
  await db.person.createMany({
    skipDuplicates: true,
    data: [
      {
        id: priya,
        userId: user.id,
        name: "Priya Shah",
        email: "priya@example.com",
        type: "colleague",
        importance: 8,
        company: "Acme Pay",
        title: "Senior engineer",
        notes: "Taking over releases.",
        tags: ["team"],
      },
      {
        id: marco,
        userId: user.id,
        name: "Marco Bianchi",
        email: "marco@example.com",
        type: "colleague",
        importance: 6,
        company: "Acme Pay",
        title: "Director of engineering",
        tags: ["manager"],
      },
      {
        id: id("person:lena"),
        userId: user.id,
        name: "Lena Berg",
        phone: "+49 30 1234567",
        type: "friend",
        importance: 7,
        source: "google_contacts",
        sourceId: "c-981",
      },
    ],
  });
  const office = id("place:office");
  await db.place.createMany({
    skipDuplicates: true,
    data: [
      {
        id: office,
        userId: user.id,
        name: "Acme office",
        type: "office",
        address: "Torstraße 1",
        city: "Berlin",
        country: "DE",
        latitude: "52.52930000",
        longitude: "13.40170000",
        timezone: "Europe/Berlin",
      },
    ],
  });
  const dryRun = id("event:dry-run");
  await db.event.createMany({
    skipDuplicates: true,
    data: [
      {
        id: dryRun,
        userId: user.id,
        title: "Release dry run with Priya",
        type: "meeting",
        startsAt: hoursFrom(daysFrom(now, 2), 1),
        endsAt: hoursFrom(daysFrom(now, 2), 2),
        placeId: office,
        location: "Room 3",
      },
      {
        id: id("event:one-on-one"),
        userId: user.id,
        title: "1:1 with Marco",
        type: "call",
        startsAt: daysFrom(now, 4),
        endsAt: hoursFrom(daysFrom(now, 4), 0.5),
        virtualUrl: "https://meet.example.com/marco",
        status: "TENTATIVE",
      },
    ],
  });
  const checklistTask = id("task:checklist");
  await db.task.createMany({
    skipDuplicates: true,
    data: [
      {
        id: checklistTask,
        userId: user.id,
        title: "Release checklist",
        priority: "HIGH",
        status: "IN_PROGRESS",
        dueDate: daysFrom(now, 1),
        estimatedMinutes: 90,
        assignedToId: priya,
      },
      {
        id: id("task:checklist:steps"),
        userId: user.id,
        parentId: checklistTask,
        position: 0,
        title: "List every manual step",
        status: "COMPLETED",
        completedAt: now,
        actualMinutes: 30,
      },
      {
        id: id("task:checklist:rollback"),
        userId: user.id,
        parentId: checklistTask,
        position: 1,
        title: "Write the rollback section",
        dueDate: daysFrom(now, 1),
      },
      {
        id: id("task:agenda"),
        userId: user.id,
        title: "Prepare 1:1 agenda",
        priority: "MEDIUM",
        dueDate: daysFrom(now, 3),
      },
    ],
  });
  const checklistDeadline = id("deadline:checklist");
  // Tomorrow at 14:00 local time, inside working hours: scheduled exactly as the API schedules a reminder.
  const deadlineReminder = localClock(now).at(1, 14);
  await db.deadline.createMany({
    skipDuplicates: true,
    data: [
      {
        id: checklistDeadline,
        userId: user.id,
        title: "Checklist ready for dry run",
        type: "MILESTONE",
        dueAt: daysFrom(now, 2),
        reminderAt: deadlineReminder,
        importance: 8,
        taskId: checklistTask,
        eventId: dryRun,
        consequences: "The dry run slips a week.",
      },
      {
        id: id("deadline:review"),
        userId: user.id,
        title: "Performance reviews due",
        dueAt: daysFrom(now, 12),
        importance: 9,
      },
    ],
  });
  await db.reminderSchedule.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("schedule:deadline-checklist"),
        userId: user.id,
        kind: "DEADLINE_REMINDER",
        deadlineId: checklistDeadline,
        queueName: "reminders",
        status: "ACTIVE",
        jobId: `reminder.deadline.${checklistDeadline}.${deadlineReminder.getTime()}`,
        timezone: SEED_TIMEZONE,
        nextRunAt: deadlineReminder,
        payload: {
          kind: "deadline",
          entityId: checklistDeadline,
          userId: user.id,
          remindAt: deadlineReminder.getTime(),
        },
      },
    ],
  });
  await db.entityRelationship.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("rel:priya-marco"),
        userId: user.id,
        sourceType: "PERSON",
        sourceId: priya,
        targetType: "PERSON",
        targetId: marco,
        relationship: "reports_to",
        strength: 7,
      },
      {
        id: id("rel:priya-dry-run"),
        userId: user.id,
        sourceType: "PERSON",
        sourceId: priya,
        targetType: "EVENT",
        targetId: dryRun,
        relationship: "attends",
        strength: 9,
      },
      {
        id: id("rel:dry-run-office"),
        userId: user.id,
        sourceType: "EVENT",
        sourceId: dryRun,
        targetType: "PLACE",
        targetId: office,
        relationship: "located_at",
        strength: 10,
        bidirectional: false,
      },
      {
        id: id("rel:task-priya"),
        userId: user.id,
        sourceType: "PERSON",
        sourceId: priya,
        targetType: "TASK",
        targetId: checklistTask,
        relationship: "assigned_to",
        strength: 8,
      },
    ],
  });

  const auditId = id("audit:create-commitment");
  await db.auditLog.createMany({
    skipDuplicates: true,
    data: [
      {
        id: auditId,
        userId: user.id,
        conversationId: id("conversation:delegation"),
        actionType: "create",
        actionCategory: "agent",
        entityType: "commitment",
        entityId: id("commitment:checklist"),
        entitySnapshot: { title: "Write the release checklist" },
        intent: "Turn the user's plan into a tracked commitment",
        reasoning: "The user named a concrete step and a day.",
        confidence: "0.86",
        inputSummary: "User: a checklist, and one dry run together",
        outputSummary: "Created commitment 'Write the release checklist'",
        startedAt: daysFrom(now, -2),
        completedAt: daysFrom(now, -2),
        durationMs: 120,
      },
    ],
  });
  await db.agentAssumption.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("assumption:deadline"),
        auditLogId: auditId,
        assumption: "The checklist should be done before Thursday's dry run",
        category: "inference",
        evidence: { message: "dry run on Thursday" },
        confidence: "0.80",
        verified: true,
        verifiedAt: daysFrom(now, -1),
        verifiedBy: "user",
      },
      {
        id: id("assumption:owner"),
        auditLogId: auditId,
        assumption: "The user writes the checklist, not Priya",
        category: "intent",
        evidence: { message: "I could do the dry run" },
        confidence: "0.55",
      },
    ],
  });
  await db.connectedAccount.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("connected:google"),
        userId: user.id,
        provider: "google",
        providerAccountId: `demo-google-${user.id.slice(0, 8)}`,
        accessToken: secrets.encrypt("demo-google-access-token"),
        refreshToken: secrets.encrypt("demo-google-refresh-token"),
        tokenExpires: hoursFrom(now, 1),
        scopes: ["calendar.readonly", "contacts.readonly"],
        lastSyncAt: daysFrom(now, -1),
        syncCursor: { calendar: "sync-token-1" },
        // Its tokens are made up: neither the worker's daily sync nor "Sync now" may send them to Google.
        syncEnabled: false,
      },
    ],
  });

  for (const [ownerKind, ownerId, content] of [
    ["PERSON", priya, "Priya Shah, senior engineer at Acme Pay, taking over releases."],
    ["TASK", checklistTask, "Release checklist, high priority, due tomorrow."],
  ] as const)
    await upsertEmbedding(db, {
      userId: user.id,
      ownerKind,
      ownerId,
      content,
      model: FIXTURE_EMBEDDING_MODEL,
      embed: fixtureEmbedding,
    });
};
