// Loaded first into the strict-CSP page of strict-csp.test.ts (an external module, since inline script
// is forbidden there): records every CSP violation the page reports.
const violations: string[] = [];
(window as unknown as { cspViolations: string[] }).cspViolations = violations;
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} ${e.blockedURI}`),
);
