/**
 * Plugin jobs are qualified `plugin:<id>:<instance>:<name>`, but queue names cannot contain `:` (BullMQ keys use it
 * as a separator), so the queue knows them as `plugin.<id>.<instance>.<name>`.
 */
export function queueJobName(qualifiedName: string): string {
  return qualifiedName.replaceAll(':', '.');
}
