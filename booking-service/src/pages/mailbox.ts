/**
 * The demo's mail catcher: what the outbox transport stored, readable in a browser, with
 * working links. On only when no SMTP server is configured (or MAILBOX=true), since it shows
 * every visitor's mail to anyone who can reach the service.
 */
import { escapeHtml } from '@frontdesk/shared';
import { Router } from 'express';
import { desc, eq } from 'drizzle-orm';
import { outbox } from '../adapters/db/schema.js';
import type { Deps } from '../services/deps.js';
import { sendPage } from './html.js';

export function mailboxPages(deps: Deps, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  const fail = (res: import('express').Response, err: unknown) => {
    log('[mailbox] failed', err);
    if (!res.headersSent) sendPage(res, 500, 'en', 'Mailbox', '<section class="err"><h1>Something went wrong</h1></section>');
  };

  r.get('/mailbox', async (_req, res) => {
    try {
      const rows = await deps.db
        .select({ id: outbox.id, to: outbox.to, subject: outbox.subject, createdAt: outbox.createdAt })
        .from(outbox)
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(200);
      const list = rows.length
        ? `<table><thead><tr><th>When</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows
            .map((m) => `<tr><td>${escapeHtml(m.createdAt.toISOString().replace('T', ' ').slice(0, 16))} UTC</td><td>${escapeHtml(m.to)}</td><td><a href="/mailbox/${escapeHtml(m.id)}">${escapeHtml(m.subject)}</a></td></tr>`)
            .join('')}</tbody></table>`
        : '<p>No messages yet. Book something in the widget and come back.</p>';
      sendPage(res, 200, 'en', 'Mailbox', `<h1>Mailbox</h1><section><p class="note">Mail the service would have sent (no SMTP server is configured).</p>${list}</section>`);
    } catch (err) {
      fail(res, err);
    }
  });

  const load = async (id: string) => (await deps.db.select().from(outbox).where(eq(outbox.id, id)).limit(1))[0];

  r.get('/mailbox/:id', async (req, res) => {
    try {
      const m = await load(req.params.id);
      if (!m) return sendPage(res, 404, 'en', 'Not found', '<section class="err"><h1>No such message</h1><p><a href="/mailbox">← Mailbox</a></p></section>');
      sendPage(
        res,
        200,
        'en',
        m.subject,
        `<p><a href="/mailbox">← Mailbox</a></p><section><dl><dt>From</dt><dd>${escapeHtml(m.from)}</dd>${m.replyTo ? `<dt>Reply-To</dt><dd>${escapeHtml(m.replyTo)}</dd>` : ''}<dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>Subject</dt><dd>${escapeHtml(m.subject)}</dd><dt>Message-ID</dt><dd>${escapeHtml(m.messageId)}</dd></dl>` +
          (m.ics ? `<p><a class="btn" href="/mailbox/${escapeHtml(m.id)}/invite.ics">invite.ics</a></p>` : '') +
          `</section><section><iframe title="Message" src="/mailbox/${escapeHtml(m.id)}/html" style="width:100%;height:640px;border:0" sandbox="allow-popups allow-top-navigation-by-user-activation allow-popups-to-escape-sandbox"></iframe></section>` +
          `<section><h2>Plain text</h2><pre style="white-space:pre-wrap">${escapeHtml(m.text)}</pre></section>`,
      );
    } catch (err) {
      fail(res, err);
    }
  });

  // The message's own HTML (built by the templates, visitor text escaped), framed by the page above.
  r.get('/mailbox/:id/html', async (req, res) => {
    try {
      const m = await load(req.params.id);
      if (!m) return void res.status(404).type('text/plain').send('Not found');
      res
        .type('text/html; charset=utf-8')
        .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'")
        .set('Cache-Control', 'no-store')
        .send(m.html.replace('<head>', '<head><base target="_top">'));
    } catch (err) {
      fail(res, err);
    }
  });

  r.get('/mailbox/:id/invite.ics', async (req, res) => {
    try {
      const m = await load(req.params.id);
      if (!m?.ics) return void res.status(404).type('text/plain').send('Not found');
      res.type('text/calendar; charset=utf-8').set('Content-Disposition', 'attachment; filename="invite.ics"').send(m.ics);
    } catch (err) {
      fail(res, err);
    }
  });
  return r;
}
