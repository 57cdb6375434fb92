/** Types of the questions a track's intake form may ask (core's FORM_FIELD_TYPES). */
export type IntakeFieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'url'
  | 'number'
  | 'select'
  | 'multiselect'
  | 'date';

/** One question of a track's intake form, as the portal receives it. */
export interface IntakeField {
  key: string;
  label: string;
  type: IntakeFieldType | (string & {});
  required: boolean;
  options?: readonly string[] | undefined;
}
