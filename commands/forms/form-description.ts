/** The commands that open a form when typed without what they need. */
export type FormName = 'registrar' | 'solicitar';

/** What a field asks for; each adapter picks its widget (a Slack date picker, a Discord text input). */
export type FormFieldKind =
  | 'unit'
  | 'date'
  | 'time'
  | 'choice'
  | 'text'
  | 'longText'
  | 'email'
  | 'url'
  | 'count'
  | 'checks';

export interface FormChoice {
  value: string;
  label: string;
}

/**
 * One field of a form. Values are written as a user types them after the command (`15/09/2026`,
 * `10:00`, `zoom`), so whatever an adapter sends back reads like a typed command.
 */
export interface FormField {
  /** The command's own name for the value: a positional's name or an option's key (`sala`). */
  id: string;
  kind: FormFieldKind;
  /** From the catalogue, in the request's language. */
  label: string;
  required: boolean;
  /** Filled in: what the user already gave, or the registered session's value. */
  value?: string;
  /** Filled in, for `checks`: the choices already ticked. */
  values?: readonly string[];
  /** Where a picker starts when nothing is filled in (the window's first day, 10:00). */
  suggested?: string;
  choices?: readonly FormChoice[];
  maxLength?: number;
}

/** A form as the engine decides it: which one, its fields and what they hold. Adapters render it. */
export interface FormDescription {
  name: FormName;
  title: string;
  fields: readonly FormField[];
}

/** A field by its id (adapters render the fields their platform has room for). */
export function fieldOf(form: FormDescription, id: string): FormField | undefined {
  return form.fields.find((field) => field.id === id);
}
