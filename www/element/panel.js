// The details panel (`#panel`) of the selected region: name, province, description (with the
// indicator's value), memberships with their confidence and source, pillars, and the quoted
// evidence per pillar. panelModel turns a `regionInfo()` answer into text; renderPanel writes it
// (the view redraws the panel whenever that text changes).
// The programme's source links, notes and quotes come after its facts (`ui.sources`): until then
// each membership and citation says that its source is loading.

import { el, safeHref, sourceLink } from './dom.js';

/**
 * The panel's text for `info` (a regionInfo answer) in the strings `t`:
 * `{title, province, description, memberships, pillars, citations}`. A membership is
 * `{year, note, link: {href, text} | null, sourceTitle}`; without memberships, `memberships` is
 * null (the panel says "not a member"). Pillars are labels (or the "none yet" sentence); a
 * citation is `{pillars, quote, href, pending}` with '' and null for what is missing. Without
 * `sources` (not loaded yet), a membership's `sourceTitle` and a citation's `pending` say that
 * they are loading.
 */
export function panelModel(info, t, sources = true) {
  return {
    title: info.name,
    province: `${t.province}: ${info.province}`,
    description: info.value ? `${info.description} · ${info.value.label}: ${info.value.text}` : info.description,
    memberships: info.memberships.length
      ? info.memberships.map((m) => {
          const href = safeHref(m.sourceUrl);
          return {
            year: String(m.year),
            note: [t.confidence[m.confidence] ?? m.confidence, m.confidenceNote].filter(Boolean).join(': '),
            link: href ? { href, text: m.sourceTitle || href } : null,
            sourceTitle: sources ? m.sourceTitle : t.loadingSources,
          };
        })
      : null,
    pillars: info.pillars.length ? info.pillars.map((p) => p.label) : [t.noPillars],
    citations: info.citations.map((c) => ({
      pillars: c.pillars.join(', '),
      quote: c.quote || '',
      href: safeHref(c.sourceUrl),
      pending: sources ? '' : t.loadingSources,
    })),
  };
}

/** Shows the panel of `model` (a panelModel answer); hides it for null. */
export function renderPanel(d, t, model) {
  if (!model) {
    d.panel.hidden = true;
    return;
  }
  d.panelTitle.textContent = model.title;
  d.panelProvince.textContent = model.province;
  d.panelDescription.textContent = model.description;
  d.panelMemberships.replaceChildren(
    ...(model.memberships
      ? model.memberships.map((m) =>
          el(
            'li',
            {},
            el('strong', { text: m.year }),
            ` · ${m.note} · `,
            m.link ? sourceLink(m.link.href, m.link.text) : m.sourceTitle,
          ),
        )
      : [el('li', { text: t.notMember })]),
  );
  d.panelPillars.replaceChildren(...model.pillars.map((label) => el('li', { text: label })));
  d.panelCitations.replaceChildren(
    ...model.citations.map((c) =>
      el(
        'li',
        {},
        el('span', { text: c.pillars }),
        c.quote ? el('q', { text: c.quote }) : '',
        c.href ? sourceLink(c.href, t.source) : '',
        c.pending ? ` · ${c.pending}` : '',
      ),
    ),
  );
  d.panelEvidenceTitle.hidden = model.citations.length === 0;
  d.panel.hidden = false;
}
