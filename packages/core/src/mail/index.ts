export { type Mailer, type MailMessage, MemoryMailer, mailMessageSchema } from './mailer.js';
