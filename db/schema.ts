import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Zones that differ from the campaign's, by province and by unit code (the campaign file's `zonasHorarias`). */
export interface UnitTimeZones {
  provinces?: Readonly<Record<string, string>>;
  units?: Readonly<Record<string, string>>;
}

/** One row: the campaign this database coordinates (from CAMPAIGN_FILE or the demo). */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  /** Local calendar dates (YYYY-MM-DD) in the campaign's time zone, both inclusive. */
  windowStart: text('window_start').notNull(),
  windowEnd: text('window_end').notNull(),
  hashtag: text('hashtag').notNull(),
  websiteUrl: text('website_url').notNull(),
  institutionalDomains: text('institutional_domains', { mode: 'json' }).$type<string[]>().notNull(),
  youtubeChannelId: text('youtube_channel_id'),
  youtubePlaylistId: text('youtube_playlist_id'),
  /** The campaign file's `palabras`: words the spelling rule accepts besides its own lists. */
  policyWords: text('policy_words', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** The institution's own pages on other sites (`youtube.com/@IESSec`): links there are not external. */
  institutionalLinks: text('institutional_links', { mode: 'json' }).$type<string[]>().notNull().default([]),
  language: text('language', { enum: ['es', 'en'] }).notNull(),
  /** Zones that differ from `timeZone`, by province and by unit (Galápagos keeps UTC−6). */
  unitTimeZones: text('unit_time_zones', { mode: 'json' }).$type<UnitTimeZones>().notNull().default({}),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    kind: text('kind').notNull(),
    /** The provincial officer: an e-mail address or a chat user id (roster column `responsable`). */
    officer: text('officer'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('units_campaign_code').on(t.campaignId, t.code)],
);

/** One accountability session ("rendición") per unit and campaign. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    platform: text('platform').notNull(),
    room: text('room'),
    questionsEmail: text('questions_email'),
    /** The public address to join or watch the session (`enlace=`), shown on the public agenda. */
    joinUrl: text('join_url'),
    expectedAttendance: integer('expected_attendance'),
    showsVideo: integer('shows_video', { mode: 'boolean' }).notNull().default(false),
    showsPhotos: integer('shows_photos', { mode: 'boolean' }).notNull().default(false),
    hasCulturalSegment: integer('has_cultural_segment', { mode: 'boolean' }).notNull().default(false),
    registeredBy: text('registered_by').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('events_unit').on(t.unitId), index('events_starts_at').on(t.startsAt)],
);

/** A row means the step is done; unticking deletes it (the audit log keeps the history). */
export const eventSteps = sqliteTable(
  'event_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    stepId: text('step_id').notNull(),
    doneBy: text('done_by').notNull(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * How the step came to be done. `evidence`: the bot saw the proof (a YouTube link that counts,
     * a presentation page that answers); `declared`: the Directorate recorded the YouTube or
     * presentation step "declarado sin enlace" (delivered another way), which every total counts apart.
     */
    source: text('source', { enum: ['hand', 'evidence', 'declared'] })
      .notNull()
      .default('hand'),
  },
  (t) => [uniqueIndex('event_steps_event_step').on(t.eventId, t.stepId), index('event_steps_source').on(t.source)],
);

/**
 * What a unit asks the Directorate to approve: the one list the commands, forms and cards derive
 * from (`ApprovalKind`, and `solicitar`'s kinds in commands/core/approval-kinds.ts).
 */
export const APPROVAL_KINDS = ['video', 'fotos', 'cultural', 'tuit'] as const;

export const approvalRequests = sqliteTable(
  'approval_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    kind: text('kind', { enum: APPROVAL_KINDS }).notNull(),
    description: text('description').notNull(),
    link: text('link'),
    state: text('state', { enum: ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] })
      .notNull()
      .default('pending'),
    requestedBy: text('requested_by').notNull(),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decisionReason: text('decision_reason'),
    previousRequestId: integer('previous_request_id'),
    /** Where the requester asked, so the decision can be told there. */
    requestPlatform: text('request_platform'),
    requestChannelId: text('request_channel_id'),
    /** When the "event is near and still pending" warning went to the Directorate (once). */
    escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }),
    /**
     * The session flag that asking for this turned on (`solicitar video` on a session without
     * video), so withdrawing the request turns it off again and its approval step stops being pending.
     */
    setEventFlag: text('set_event_flag', { enum: ['showsVideo', 'showsPhotos', 'hasCulturalSegment'] }),
  },
  (t) => [index('approval_requests_state').on(t.state), index('approval_requests_event').on(t.eventId)],
);

/**
 * The tweet outbox: every tweet is written here before it is sent, so nothing is lost on a crash,
 * and `sending` marks the moment of the attempt, so a restart can check X before sending again.
 */
export const tweets = sqliteTable(
  'tweets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id').references(() => events.id),
    text: text('text').notNull(),
    state: text('state', {
      enum: ['draft', 'awaiting_approval', 'queued', 'sending', 'sent', 'simulated', 'failed', 'cancelled'],
    })
      .notNull()
      .default('draft'),
    xTweetId: text('x_tweet_id'),
    inReplyToTweetId: text('in_reply_to_tweet_id'),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    approvalRequestId: integer('approval_request_id'),
    publishedBy: text('published_by'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    requestPlatform: text('request_platform'),
    /** `pinned`: the campaign's pinned tweet (PRODUCT.md), posted once for the whole window. */
    purpose: text('purpose', { enum: ['live', 'pinned'] })
      .notNull()
      .default('live'),
    /** When the account was seen with this tweet pinned (X's API can read a pin, not make one). */
    pinnedSeenAt: integer('pinned_seen_at', { mode: 'timestamp_ms' }),
    /**
     * When X was first asked to post this tweet: a tweet found on the account older than this is
     * not ours, whatever its text (interrupted attempts and duplicate refusals look from here).
     */
    firstClaimedAt: integer('first_claimed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('tweets_state').on(t.state), index('tweets_event').on(t.eventId)],
);

export const youtubeLinks = sqliteTable(
  'youtube_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    url: text('url').notNull(),
    videoId: text('video_id').notNull(),
    /** `checking`: waiting for YouTube's answer; `unverified`: no Google credentials, form checked only. */
    verification: text('verification', { enum: ['checking', 'unverified', 'verified', 'refused', 'replaced'] })
      .notNull()
      .default('unverified'),
    /** Why YouTube's answer refused the link (a stable code: not_found, private, other_channel...). */
    problem: text('problem'),
    /** When the video was added to the campaign playlist (once, even if reported twice). */
    playlistAddedAt: integer('playlist_added_at', { mode: 'timestamp_ms' }),
    title: text('title'),
    reportedBy: text('reported_by').notNull(),
    reportedAt: integer('reported_at', { mode: 'timestamp_ms' }).notNull(),
    verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('youtube_links_event').on(t.eventId)],
);

/** Roles given with `/rendicion rol`; `scope` is the unit code for officers, '' otherwise. */
export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    role: text('role', { enum: ['admin', 'directorate', 'communication', 'officer'] }).notNull(),
    scope: text('scope').notNull().default(''),
    grantedBy: text('granted_by').notNull(),
    grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('role_assignments_user_role_scope').on(t.userId, t.role, t.scope)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId)],
);

/** One row per scheduled slot that some process claimed: two bots on one database post once. */
export const scheduledPosts = sqliteTable(
  'scheduled_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    /** The slot's instant, ISO 8601. */
    slot: text('slot').notNull(),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('scheduled_posts_kind_slot').on(t.kind, t.slot)],
);

/** A step reminded to a person on a campaign day: at most once a day per step and person. */
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    stepId: text('step_id').notNull(),
    userId: text('user_id').notNull(),
    localDate: text('local_date').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('reminders_sent_once_a_day').on(t.eventId, t.stepId, t.userId, t.localDate)],
);

/** "Posponer": no reminders about this event to this person until then. */
export const reminderSnoozes = sqliteTable(
  'reminder_snoozes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    userId: text('user_id').notNull(),
    until: integer('until', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('reminder_snoozes_event_user').on(t.eventId, t.userId)],
);

/** People who turned their reminders off with `/rendicion recordatorios off`. */
export const reminderMutes = sqliteTable('reminder_mutes', {
  userId: text('user_id').primaryKey(),
  mutedAt: integer('muted_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Policy rule 13: the institutional account may be compromised. While one is open, nothing is published. */
export const accountAlerts = sqliteTable('account_alerts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  raisedBy: text('raised_by').notNull(),
  raisedAt: integer('raised_at', { mode: 'timestamp_ms' }).notNull(),
  note: text('note'),
  resolvedBy: text('resolved_by'),
  resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
});

/** Where a unit's presentation was published on the institute's website (the memo's other deliverable). */
export const presentationLinks = sqliteTable(
  'presentation_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    url: text('url').notNull(),
    /** `checking` until the page answers; `refused` keeps the HTTP status it answered with. */
    state: text('state', { enum: ['checking', 'published', 'refused'] })
      .notNull()
      .default('checking'),
    httpStatus: integer('http_status'),
    /** Passes that could not reach the page at all; after a few the link is refused (`problem`). */
    attempts: integer('attempts').notNull().default(0),
    /** Why a page that never answered was refused: timeout, dns, connection, tls, network. */
    problem: text('problem'),
    reportedBy: text('reported_by').notNull(),
    reportedAt: integer('reported_at', { mode: 'timestamp_ms' }).notNull(),
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('presentation_links_event').on(t.eventId)],
);

export * from './schema-chat.js';
