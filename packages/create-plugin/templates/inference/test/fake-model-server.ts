import { z } from 'zod';
import { type LoopbackServer, type StandInReply, startLoopbackServer } from './loopback-server.js';

const ChatInputSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).min(1),
  response_format: z
    .object({ type: z.literal('json_schema'), json_schema: z.object({ schema: z.json() }) })
    .optional(),
});
const EmbeddingsInputSchema = z.object({ model: z.string(), input: z.array(z.string()) });

/** A value of a JSON Schema's shape (objects of strings, numbers and booleans): what a model would answer. */
function exampleOf(schema: unknown, text: string): unknown {
  const parsed = z
    .object({ type: z.string().optional(), properties: z.record(z.string(), z.unknown()).optional() })
    .safeParse(schema);
  const type = parsed.success ? parsed.data.type : undefined;
  if (type === 'object') {
    const properties = Object.entries(parsed.data?.properties ?? {});
    return Object.fromEntries(properties.map(([key, property]) => [key, exampleOf(property, text)]));
  }
  if (type === 'number' || type === 'integer') return text.length;
  if (type === 'boolean') return true;
  return text.slice(0, 40);
}

/**
 * A deterministic stand-in of an OpenAI-compatible model server: it echoes the last message (as JSON of the
 * requested schema when asked for one) and embeds a text by counting its letters.
 */
export async function startFakeModelServer(token: string): Promise<LoopbackServer> {
  return startLoopbackServer(({ method, url, headers, body }): StandInReply => {
    if (headers.authorization !== `Bearer ${token}`) return [401, { error: { message: 'invalid api key' } }];
    if (method === 'POST' && url.pathname === '/chat/completions') {
      const input = ChatInputSchema.safeParse(body);
      if (!input.success) return [400, { error: { message: input.error.message } }];
      const last = input.data.messages.at(-1)?.content ?? '';
      const format = input.data.response_format;
      const content = format ? JSON.stringify(exampleOf(format.json_schema.schema, last)) : `echo: ${last}`;
      const usage = { prompt_tokens: last.length, completion_tokens: content.length };
      return [
        200,
        { model: input.data.model, choices: [{ message: { role: 'assistant', content } }], usage },
      ];
    }
    if (method === 'POST' && url.pathname === '/embeddings') {
      const input = EmbeddingsInputSchema.safeParse(body);
      if (!input.success) return [400, { error: { message: input.error.message } }];
      const data = input.data.input.map((text, index) => ({
        index,
        embedding: Array.from(
          { length: 8 },
          (_, slot) => [...text].filter((c) => c.charCodeAt(0) % 8 === slot).length,
        ),
      }));
      return [200, { model: input.data.model, data }];
    }
    return [404, { error: { message: 'not found' } }];
  });
}
