type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `stored` with `patch` applied as a JSON merge patch (RFC 7396): objects merge key by key, any other value
 * (lists included) replaces what was stored, and `null` removes the stored value so the setting follows its
 * default again. Settings the patch does not name stay as they are.
 */
export function applySettingsPatch(stored: JsonRecord, patch: JsonRecord): JsonRecord {
  const merged: JsonRecord = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isRecord(value))
      merged[key] = applySettingsPatch(isRecord(stored[key]) ? stored[key] : {}, value);
    else merged[key] = value;
  }
  return merged;
}

/**
 * What to store of a validated candidate: the settings someone set, in their parsed form (trimmed, coerced), and
 * not the defaults the schema filled in nor keys it does not know, so a setting never set keeps following the
 * plugin's default.
 */
export function settingsToStore(candidate: JsonRecord, parsed: JsonRecord): JsonRecord {
  const kept: JsonRecord = {};
  for (const key of Object.keys(candidate)) {
    if (!(key in parsed)) continue;
    const given = candidate[key];
    const value = parsed[key];
    kept[key] = isRecord(given) && isRecord(value) ? settingsToStore(given, value) : value;
  }
  return kept;
}
