/**
 * A value `appendRows` can write. jsonb and json columns take their JSON text (see `json()`); timestamp columns a
 * Date (or epoch milliseconds); integer columns an integer.
 */
export type AppendValue = string | number | boolean | Date | null;
