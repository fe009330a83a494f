/**
 * 3-D Secure as the stages play it. The challenge looks like an issuer's page; the real stages let the
 * tester pass or fail it, here that is two buttons posting `result=pass|fail` to `action`. The
 * frictionless page is the issuer checking without asking: one form that carries `fields` on to
 * `action` with a visible Continue button (no JavaScript anywhere).
 */
import { type Html, html } from './html.js';
import { type PageFrame, renderPage } from './layout.js';

export interface ThreeDsChallenge {
  /** Where the pass / fail form posts. */
  action: string;
  /** The amount, already formatted. */
  amount: string;
  card?: { brand: string; last4: string };
  /** Shown with the test data; default: the shared "simulated challenge" hint. */
  testHint?: string;
}

export function threeDsChallengePage(frame: PageFrame, challenge: ThreeDsChallenge): Html {
  const { words } = frame;
  return renderPage(frame, {
    title: words.threeDsTitle,
    cancel: true,
    panelClass: 'issuer',
    testHint: challenge.testHint ?? words.threeDsHint,
    body: html`<p class="issuer-name">${words.threeDsIssuer}</p>
<h1 id="step-title">${words.threeDsTitle}</h1>
<p class="intro">${words.threeDsIntro(challenge.amount)}</p>
${challenge.card && html`<p>${words.threeDsCard(challenge.card.brand, challenge.card.last4)}</p>`}
<form method="post" action="${challenge.action}">
${frame.hiddenFields}
<div class="actions">
<button type="submit" name="result" value="pass" autofocus>${words.threeDsPass}</button>
<button type="submit" name="result" value="fail" class="secondary">${words.threeDsFail}</button>
</div>
</form>`,
  });
}

export interface ThreeDsFrictionless {
  /** Where the Continue form posts. */
  action: string;
  /** Extra fields carried to `action` (e.g. a gateway's transaction id), besides the frame's hidden fields. */
  fields?: Record<string, string>;
}

export function threeDsFrictionlessPage(frame: PageFrame, step: ThreeDsFrictionless): Html {
  const { words } = frame;
  const fields = Object.entries(step.fields ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  return renderPage(frame, {
    title: words.threeDsFrictionlessTitle,
    panelClass: 'issuer',
    body: html`<p class="issuer-name">${words.threeDsIssuer}</p>
<h1 id="step-title">${words.threeDsFrictionlessTitle}</h1>
<p class="intro">${words.threeDsFrictionlessText}</p>
<form method="post" action="${step.action}">
${frame.hiddenFields}${fields}
<button type="submit" class="wide" autofocus>${words.continueButton}</button>
</form>`,
  });
}
