/**
 * The checklist of one accountability session, taken from the institute's memo
 * (PRODUCT.md, "The process the bot must model"). Data, not code: the labels live in the
 * message catalogue under `steps.<id>`, the due rule is relative to the event's start.
 */
export type Phase = 'antes' | 'durante' | 'despues';

export type StepCondition = 'showsMaterial' | 'hasCulturalSegment';

export interface ChecklistStep {
  /** Short Spanish id that users type: `/rendicion marcar PICH-DP invitacion`. */
  id: string;
  phase: Phase;
  /** Only applies when the event says so (memo: approval needed only if material is shown). */
  condition?: StepCondition;
  /** Due this many hours after the event starts (negative: before). */
  dueOffsetHours: number;
  /** Ticked by the bot itself when registration supplies the fact. */
  tickedByRegistration?: 'always' | 'questionsEmail' | 'expectedAttendance';
  /** Ticked when the Directorate approves (`solicitar`); only the Directorate ticks it by hand. */
  approvedByDirectorate?: boolean;
  /**
   * Ticked only by its evidence: a YouTube link that counts (`youtube`), a presentation page that
   * answers (`presentacion`). Never by hand; the Directorate may record it "declarado sin enlace".
   */
  provedBy?: 'youtubeLink' | 'presentationPage';
}

const HOURS_PER_DAY = 24;

export const CHECKLIST: readonly ChecklistStep[] = [
  { id: 'fecha', phase: 'antes', dueOffsetHours: -7 * HOURS_PER_DAY, tickedByRegistration: 'always' },
  // The memo: the digital invitation, naming the medium, goes out three days before.
  { id: 'invitacion', phase: 'antes', dueOffsetHours: -3 * HOURS_PER_DAY },
  { id: 'publico', phase: 'antes', dueOffsetHours: -2 * HOURS_PER_DAY, tickedByRegistration: 'expectedAttendance' },
  { id: 'sala', phase: 'antes', dueOffsetHours: -2 * HOURS_PER_DAY },
  { id: 'imagen', phase: 'antes', dueOffsetHours: -1 * HOURS_PER_DAY },
  { id: 'moderador', phase: 'antes', dueOffsetHours: -2 * HOURS_PER_DAY },
  { id: 'conexion', phase: 'antes', dueOffsetHours: -2 * HOURS_PER_DAY },
  { id: 'preguntas', phase: 'antes', dueOffsetHours: -2 * HOURS_PER_DAY },
  { id: 'guion', phase: 'antes', dueOffsetHours: -2 * HOURS_PER_DAY },
  {
    id: 'video',
    phase: 'antes',
    condition: 'showsMaterial',
    dueOffsetHours: -2 * HOURS_PER_DAY,
    approvedByDirectorate: true,
  },
  {
    id: 'cultural',
    phase: 'antes',
    condition: 'hasCulturalSegment',
    dueOffsetHours: -2 * HOURS_PER_DAY,
    approvedByDirectorate: true,
  },
  { id: 'correo', phase: 'antes', dueOffsetHours: -3 * HOURS_PER_DAY, tickedByRegistration: 'questionsEmail' },
  { id: 'invitados', phase: 'durante', dueOffsetHours: 0 },
  { id: 'grabacion', phase: 'durante', dueOffsetHours: 3 },
  { id: 'filtrado', phase: 'durante', dueOffsetHours: 3 },
  { id: 'aviso-correo', phase: 'durante', dueOffsetHours: 3 },
  // The memo: every officer sends the YouTube link of the recording; 48 h is the Directorate's ask.
  { id: 'youtube', phase: 'despues', dueOffsetHours: 48, provedBy: 'youtubeLink' },
  { id: 'prensa', phase: 'despues', dueOffsetHours: 24 },
  { id: 'presentacion', phase: 'despues', dueOffsetHours: 5 * HOURS_PER_DAY, provedBy: 'presentationPage' },
  { id: 'respuestas', phase: 'despues', dueOffsetHours: 7 * HOURS_PER_DAY },
];

export const PHASES: readonly Phase[] = ['antes', 'durante', 'despues'];

/** Steps whose fact comes from `registrar` (the date, the e-mail) are not ticked by hand. */
export function isManuallyTickable(step: ChecklistStep): boolean {
  return step.tickedByRegistration !== 'always' && step.tickedByRegistration !== 'questionsEmail';
}

export function findStep(id: string): ChecklistStep | undefined {
  return CHECKLIST.find((step) => step.id === id);
}
