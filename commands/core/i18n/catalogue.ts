import type { ApprovalKind, ApprovalState } from '../../../db/queries/approvals.js';
import type { Phase } from '../checklist.js';
import type { ErrorCode, ErrorDetails } from '../errors.js';
import type { ChannelRole } from '../notify.js';
import type { MeetingPlatform } from '../parse-values.js';
import type { StepState } from '../step-state.js';
import type { Locale } from '../types.js';
import { english } from './en.js';
import { spanish } from './es.js';

export type CommandName =
  | 'ayuda'
  | 'registrar'
  | 'estado'
  | 'marcar'
  | 'resumen'
  | 'rol'
  | 'solicitar'
  | 'solicitud'
  | 'solicitudes'
  | 'recordatorios'
  | 'tuit'
  | 'alerta-cuenta'
  | 'tuit-fijo'
  | 'youtube'
  | 'enlaces'
  | 'exportar'
  | 'presentacion'
  | 'declarar'
  | 'hoja';

export interface CommandHelp {
  description: string;
  usage: string;
  examples: string[];
  /** Extra lines for `ayuda <comando>`: what each option means. */
  details: string[];
}

/** Real values of this campaign, so help and error messages show what the user can type. */
export interface Examples {
  unitCode: string;
  /** A date inside the campaign window, written `15/09/2026`. */
  date: string;
}

export type RoleLabel = 'admin' | 'directorate' | 'communication' | 'officer' | 'none';

export interface Messages {
  locale: Locale;
  errors: { [C in ErrorCode]: (details: ErrorDetails[C]) => string };
  errorTitle: string;
  unexpectedError: (requestId: string) => string;
  arguments: Record<string, string>;
  commands: Record<CommandName, CommandHelp>;
  phases: Record<Phase, string>;
  steps: Record<string, string>;
  stepStates: Record<StepState, string>;
  platforms: Record<MeetingPlatform, string>;
  yes: string;
  no: string;
  none: string;
  roles: Record<RoleLabel, string>;
  officerOf: (unitCodes: string) => string;
  help: {
    title: string;
    intro: string;
    youAre: (roles: string) => string;
    detailTitle: (name: string) => string;
    usage: string;
    examples: string;
    aliases: (aliases: string) => string;
    stepsHeading: string;
    stepLine: (id: string, label: string, due: string) => string;
    dueBefore: (amount: string) => string;
    dueAfter: (amount: string) => string;
    dueAtStart: string;
    hours: (count: number) => string;
    days: (count: number) => string;
    onlyIf: Record<'showsMaterial' | 'hasCulturalSegment', string>;
    byRegistration: string;
    /** The steps ticked by their evidence only (`marcar` refuses them). */
    byEvidence: Record<'youtubeLink' | 'presentationPage', string>;
  };
  register: {
    createdTitle: (unitCode: string) => string;
    updatedTitle: (unitCode: string) => string;
    unchangedTitle: (unitCode: string) => string;
    fields: {
      unit: string;
      province: string;
      when: string;
      platform: string;
      room: string;
      questionsEmail: string;
      joinUrl: string;
      attendance: string;
      material: string;
      cultural: string;
    };
    video: string;
    photos: string;
    facebookWarning: string;
    /** Another session at about the same time has the same officer, or the same room in the province. */
    officerClash: (unitCode: string, when: string, officer: string) => string;
    roomClash: (unitCode: string, when: string, room: string) => string;
    forcedOutsideWindow: string;
    rescheduledFrom: (previous: string) => string;
    nextStep: (stepLabel: string, due: string, command: string) => string;
  };
  status: {
    eventTitle: (unitCode: string, unitName: string) => string;
    notRegistered: (unitCode: string) => string;
    progress: string;
    doneBy: (who: string, when: string) => string;
    dueOn: (when: string) => string;
    overdueSince: (when: string) => string;
    notApplicable: string;
    tickButton: (stepId: string) => string;
    provinceTitle: (province: string) => string;
    provinceLine: (
      unitCode: string,
      unitName: string,
      when: string,
      done: number,
      total: number,
      overdue: number,
    ) => string;
    unregisteredLine: (unitCode: string, unitName: string) => string;
    /** After a page of a province's units: how many more and the command for the next page. */
    moreUnits: (count: number, command: string) => string;
    /** The command for a page of a province's units, as typed in this language. */
    provinceCommand: (province: string, page: number) => string;
    campaignTitle: (name: string) => string;
    window: string;
    units: string;
    registered: string;
    held: string;
    withYoutube: string;
    withPresentation: string;
    /** A link figure with the steps "declarado sin enlace" counted apart: `3/126 · 1 declarado sin enlace`. */
    withDeclared: (figure: string, declared: number) => string;
    declaredWithoutLink: string;
    overdueHeading: string;
    overdueLine: (unitCode: string, count: number, steps: string) => string;
    noOverdue: string;
    andMore: (count: number) => string;
    eventsRegistered: string;
    phaseProgress: (phase: string) => string;
    noEvents: string;
  };
  summary: {
    title: (name: string) => string;
    /** The title of one page of a day's sessions (`resumen hoy 2`); `day` is that day's heading. */
    sessionsTitle: (day: string) => string;
    /** The command for a page of today's or tomorrow's sessions, as typed in this language. */
    sessionsCommand: (day: 'today' | 'tomorrow', page: number) => string;
    moreSessions: (count: number, command: string) => string;
    morePendingApprovals: (count: number, command: string) => string;
    todayHeading: (date: string) => string;
    tomorrowHeading: (date: string) => string;
    sessionLine: (time: string, unitCode: string, unitName: string, platform: string) => string;
    noSessions: string;
    pendingApprovalsHeading: string;
    pendingApprovalLine: (id: number, kind: string, unitCode: string, age: string, overdue: boolean) => string;
    noPendingApprovals: string;
    age: (days: number, hours: number) => string;
    demoNotice: string;
  };
  declare: {
    doneTitle: (unitCode: string, stepLabel: string) => string;
    doneText: (stepId: string) => string;
    alreadyDeclared: (unitCode: string, stepLabel: string, who: string, when: string) => string;
    undoneTitle: (unitCode: string, stepLabel: string) => string;
    undoneText: (stepId: string) => string;
    notDeclared: (unitCode: string, stepLabel: string) => string;
  };
  mark: {
    doneTitle: (stepLabel: string) => string;
    alreadyDoneTitle: (stepLabel: string) => string;
    alreadyDone: (who: string, when: string) => string;
    undoneTitle: (stepLabel: string) => string;
    notDone: string;
  };
  role: {
    grantedTitle: string;
    granted: (userId: string, role: string) => string;
    alreadyHad: (userId: string, role: string) => string;
    revokedTitle: string;
    revoked: (userId: string, role: string) => string;
    didNotHave: (userId: string, role: string) => string;
    userTitle: (userId: string) => string;
    fromEnvironment: string;
    fromRoster: (unitCodes: string) => string;
    noRoles: string;
    listTitle: string;
    listLine: (userId: string, role: string, grantedBy: string) => string;
    environmentLine: (userId: string) => string;
    emptyList: string;
  };
  approvals: {
    kinds: Record<ApprovalKind, string>;
    states: Record<ApprovalState, string>;
    cardTitle: (id: number, kind: string, unitCode: string) => string;
    fields: {
      unit: string;
      province: string;
      eventDate: string;
      kind: string;
      description: string;
      link: string;
      requestedBy: string;
      requestedAt: string;
    };
    resubmissionOf: (id: number, by: string, reason: string) => string;
    approveButton: string;
    rejectButton: string;
    reasonLabel: string;
    reasonPlaceholder: string;
    approvedBy: (by: string, when: string) => string;
    rejectedBy: (by: string, when: string, reason: string) => string;
    withdrawnBy: (by: string, when: string) => string;
    expiredAt: (when: string) => string;
    pendingSince: (age: string) => string;
    submittedTitle: (id: number) => string;
    submittedText: string;
    flagSet: (kind: string) => string;
    flagCleared: (kind: string) => string;
    approvedTitle: (id: number) => string;
    rejectedTitle: (id: number) => string;
    withdrawnTitle: (id: number) => string;
    expiredTitle: (id: number) => string;
    stepTicked: (stepLabel: string) => string;
    stepAlreadyTicked: (stepLabel: string) => string;
    alreadyClosed: (id: number, state: string, by: string, when: string) => string;
    toRequester: {
      approved: (id: number, kind: string, unitCode: string, by: string) => string;
      rejected: (id: number, kind: string, unitCode: string, by: string, reason: string, retry: string) => string;
      expired: (id: number, kind: string, unitCode: string) => string;
    };
    escalationTitle: (id: number) => string;
    escalationText: (kind: string, unitCode: string, when: string, age: string) => string;
    listTitle: (scope: string) => string;
    scopePending: string;
    scopeAll: string;
    listLine: (
      id: number,
      mark: string,
      kind: string,
      unitCode: string,
      description: string,
      state: string,
      age: string,
    ) => string;
    emptyList: string;
    andMore: (count: number, command: string) => string;
    /** The command for a page of requests; `filter` is `scopePending`, `scopeAll` or a unit code. */
    pageCommand: (filter: string, page: number) => string;
  };
  /** Above a page of a long list. */
  pageNotice: (page: number, pages: number, first: number, last: number, total: number) => string;
  reminders: {
    digestTitle: (unitCode: string) => string;
    digestIntro: (unitName: string, when: string) => string;
    stepLine: (stepId: string, label: string, since: string) => string;
    doneButton: (stepId: string) => string;
    snoozeHour: string;
    snoozeFourHours: string;
    snoozeTomorrow: string;
    snoozedTitle: string;
    snoozedText: (unitCode: string, until: string) => string;
    footer: string;
    stateTitle: string;
    on: string;
    off: string;
    turnedOn: string;
    turnedOff: string;
    unchanged: string;
    mutedHeading: string;
    noneMuted: string;
    mutedLine: (userId: string, since: string) => string;
    lastReminded: (when: string, who: string) => string;
  };
  chart: {
    subtitle: (when: string, registered: number, total: number) => string;
    byProvince: string;
    byPhase: string;
    provinceNote: (registered: number, units: number, overdue: number) => string;
    phaseNote: (overdue: number) => string;
    title: string;
    saved: (path: string) => string;
    altText: string;
  };
  tweets: {
    previewTitle: (unitCode: string) => string;
    length: (weighted: number) => string;
    hashtagAdded: (hashtag: string) => string;
    clean: string;
    blocked: string;
    publishButton: string;
    cancelButton: string;
    viaDirectorate: string;
    linkNeedsDirectorate: string;
    queuedTitle: string;
    queuedText: string;
    simulationText: string;
    sentToApprovalTitle: (id: number) => string;
    sentToApprovalText: string;
    cancelledTitle: string;
    alreadyHandled: (state: string) => string;
    states: Record<string, string>;
    published: (url: string) => string;
    simulated: (text: string) => string;
    failed: (reason: string) => string;
    reasons: { duplicate: string; auth: string; gaveUp: string; refused: (status: number) => string };
  };
  youtube: {
    receivedTitle: (unitCode: string) => string;
    checking: string;
    /** Stored without a YouTube key; `ticked`: this report marked the step (it was not already). */
    unverified: (ticked: boolean) => string;
    alreadyReported: (url: string) => string;
    replaceQuestion: (current: string, proposed: string) => string;
    replaceButton: string;
    verified: (unitCode: string, title: string) => string;
    refused: (unitCode: string, url: string, problem: string) => string;
    problems: Record<'not_found' | 'private' | 'processing' | 'other_channel' | 'too_old', string>;
    states: Record<string, string>;
    listTitle: (scope: string) => string;
    all: string;
    linkLine: (unitCode: string, unitName: string, url: string, state: string) => string;
    missingLine: (unitCode: string, unitName: string) => string;
    declaredLine: (unitCode: string, unitName: string) => string;
    /** After a page of `enlaces`: how many more and the command for the next page. */
    moreLinks: (count: number, command: string) => string;
    pageCommand: (province: string | undefined, page: number) => string;
    refusedLine: (unitCode: string, unitName: string, url: string, problem: string) => string;
    /** A refused link's state in the CSV and the Sheet, with YouTube's reason. */
    refusedState: (problem: string) => string;
    counted: (reported: number, total: number, declared: number) => string;
    /** The verified message when the step was already done (declared, or by the replaced link). */
    verifiedAlreadyDone: (unitCode: string, title: string) => string;
  };
  presentation: {
    receivedTitle: (unitCode: string) => string;
    checking: string;
    published: (unitCode: string, url: string) => string;
    refused: (unitCode: string, url: string, status: number) => string;
    publishedAlreadyDone: (unitCode: string, url: string) => string;
    unreachable: (unitCode: string, url: string, reason: string, attempts: number) => string;
    reasons: Record<'timeout' | 'dns' | 'connection' | 'tls' | 'network', string>;
  };
  sheet: { rebuildTitle: string; rebuildText: string; notConfigured: string };
  export: {
    title: string;
    done: (rows: number) => string;
    saved: (path: string) => string;
    header: {
      unit: string;
      name: string;
      province: string;
      when: string;
      whenIso: string;
      platform: string;
      youtube: string;
      youtubeState: string;
      joinUrl: string;
      /** The columns of who ticked a step and when, named after the step. */
      stepBy: (stepId: string) => string;
      stepAt: (stepId: string) => string;
    };
  };
  pinned: {
    text: (name: string, from: string, to: string, url: string, hashtag: string) => string;
    previewLabel: string;
    statusTitle: string;
    state: (state: string) => string;
    link: (url: string) => string;
    pinByHand: (url: string) => string;
    seenPinned: string;
    notSeenPinned: string;
    confirmed: (url: string) => string;
    unpinReminder: (url: string) => string;
    autoQueued: string;
  };
  accountAlert: {
    raisedTitle: string;
    raisedText: (by: string, when: string, note: string) => string;
    alreadyOpen: (by: string, when: string) => string;
    toReporter: string;
    resolvedTitle: string;
    resolvedText: (by: string, when: string) => string;
    noneOpen: string;
    pausedNotice: (by: string, when: string) => string;
  };
  policy: {
    profanity: (words: string) => string;
    externalLink: (hosts: string) => string;
    spelling: (words: string) => string;
    suggestion: (word: string, suggestions: string) => string;
    allCaps: string;
    duplicate: (when: string) => string;
    tooMany: (count: number, minutes: number) => string;
    tooLong: (weightedLength: number) => string;
    clean: string;
    cliUsage: string;
    evaluation: {
      badCorpus: (file: string, line: number) => string;
      summary: (total: number, clean: number) => string;
      ruleName: (rule: string) => string;
      recall: (rule: string, found: number, expected: number, percent: string) => string;
      missed: (line: number, text: string) => string;
      falseAlarms: (count: number, clean: number, percent: string) => string;
      falseAlarm: (line: number, text: string, rules: string) => string;
      targets: (minRecall: string, maxFalseAlarms: string, met: boolean) => string;
    };
  };
  /** Words the chat adapters need around a reply (Slack, Discord). */
  chat: {
    moreNotice: (hidden: number) => string;
    modalSubmit: string;
    modalCancel: string;
    inputRequired: string;
    registerFormTitle: string;
    requestFormTitle: string;
    /** Discord's registration form: one field for both, so the join link fits Discord's five. */
    fieldDateTime: string;
    fieldDate: string;
    fieldTime: string;
    fieldFlags: string;
    fieldKind: string;
    fieldDescription: string;
    fieldLink: string;
    unitPlaceholder: string;
    fieldUnit: string;
    fieldPlatform: string;
    fieldRoom: string;
    fieldJoinUrl: string;
    dateTimePlaceholder: string;
    platformPlaceholder: string;
    kindPlaceholder: string;
    /** Discord pages long replies by lines; past the last page, how many were left out. */
    moreLinesNotice: (hidden: number) => string;
    /** A button whose stored action is gone (a database restored from an older copy). */
    unknownButton: string;
  };
  /** The public agenda citizens read (GET /agenda, /agenda.ics, /agenda.json). */
  agenda: {
    title: (campaign: string) => string;
    intro: string;
    skipToSessions: string;
    provincesHeading: string;
    allProvinces: string;
    sessionsOf: (province: string) => string;
    unknownProvince: (input: string) => string;
    noSessions: string;
    timesIn: (timeZone: string) => string;
    addAllToCalendar: string;
    addProvinceToCalendar: (province: string) => string;
    addToCalendar: string;
    openData: string;
    live: string;
    time: string;
    unit: string;
    province: string;
    platform: string;
    join: string;
    joinLink: string;
    joinLater: string;
    room: string;
    questions: string;
    recording: string;
    recordingLink: string;
    presentation: string;
    presentationLink: string;
    footer: string;
    calendarName: (campaign: string) => string;
    eventSummary: (unitName: string) => string;
    eventJoin: (url: string) => string;
    eventRoom: (room: string) => string;
    eventQuestions: (email: string) => string;
    eventRecording: (url: string) => string;
    eventPresentation: (url: string) => string;
    /** A line of `ayuda` and of the scheduled summary when AGENDA_PUBLIC_URL is set. */
    publicAt: (url: string) => string;
  };
  console: {
    welcome: (campaign: string, user: string) => string;
    switchedUser: (user: string) => string;
    whoAmI: (user: string) => string;
    buttonsHint: string;
    noSuchButton: (count: number) => string;
    bye: string;
    demoCreated: (windowStart: string, windowEnd: string, databasePath: string) => string;
    channelHeader: (channel: ChannelRole) => string;
    directHeader: (userId: string) => string;
    cardUpdatedHeader: (channel: ChannelRole) => string;
    inputPrompt: (label: string) => string;
    inputCancelled: string;
    /** A command typed where the bot waited for text (a rejection's reason): that action is cancelled. */
    inputCancelledByCommand: (command: string) => string;
  };
}

/**
 * Catalogues already built, newest last: building one makes several hundred functions and strings,
 * and every request and background pass asks for one, mostly with the same examples. A few dozen
 * cover the officers active on a day; an older one is built again when asked for.
 */
const built = new Map<string, Messages>();
const MAX_BUILT = 16;

export function messagesFor(locale: Locale, examples: Examples): Messages {
  const key = `${locale}\n${examples.unitCode}\n${examples.date}`;
  const cached = built.get(key);
  if (cached) return cached;
  // Frozen, because one catalogue is shared by every request that asks for the same examples.
  const messages = deepFreeze(locale === 'en' ? english(examples) : spanish(examples));
  if (built.size >= MAX_BUILT) built.delete(built.keys().next().value as string);
  built.set(key, messages);
  return messages;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
