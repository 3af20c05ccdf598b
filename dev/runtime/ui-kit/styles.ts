/**
 * /__host/ui-kit.css: how the local host draws the UI Kit components it renders, after the Atlassian
 * design system's components, with its tokens only (the page's light or dark theme applies as is).
 */
export const UI_KIT_CSS = `
.forge-native-content { font: var(--ds-font-body); color: var(--ds-text); }
.forge-native-content[aria-busy="true"] { color: var(--ds-text-subtlest); }
.uk-stack { display: flex; flex-direction: column; min-width: 0; }
.uk-inline { display: flex; flex-direction: row; min-width: 0; }
.uk-inline-separator { color: var(--ds-text-subtlest); }
.uk-box { box-sizing: border-box; min-width: 0; }
.uk-box--inline { display: inline-block; }
.uk-text { margin: 0; overflow-wrap: anywhere; }
.uk-text--small { font: var(--ds-font-body-small); }
.uk-text--medium { font: var(--ds-font-body); }
.uk-text--large { font: var(--ds-font-body-large); }
.uk-text--clamped { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.uk-heading { margin: 0; color: var(--ds-text); }
.uk-code { font-family: var(--ds-font-family-code); font-size: 0.875em; background: var(--ds-background-neutral); border-radius: 3px; padding: 0 4px; }
.uk-lozenge { display: inline-flex; align-items: center; max-width: 200px; padding: 0 4px; border-radius: 3px; font: var(--ds-font-body-small); font-weight: var(--ds-font-weight-bold); line-height: 16px; text-transform: uppercase; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: middle; }
.uk-lozenge--default, .uk-lozenge--neutral { background: var(--ds-background-neutral); color: var(--ds-text-subtle); }
.uk-lozenge--success { background: var(--ds-background-success); color: var(--ds-text-success); }
.uk-lozenge--removed, .uk-lozenge--danger { background: var(--ds-background-danger); color: var(--ds-text-danger); }
.uk-lozenge--inprogress, .uk-lozenge--information { background: var(--ds-background-information); color: var(--ds-text-information); }
.uk-lozenge--new, .uk-lozenge--discovery { background: var(--ds-background-discovery); color: var(--ds-text-discovery); }
.uk-lozenge--moved, .uk-lozenge--warning { background: var(--ds-background-warning); color: var(--ds-text-warning); }
.uk-lozenge--bold.uk-lozenge--default, .uk-lozenge--bold.uk-lozenge--neutral { background: var(--ds-background-neutral-bold); color: var(--ds-text-inverse); }
.uk-lozenge--bold.uk-lozenge--success { background: var(--ds-background-success-bold); color: var(--ds-text-inverse); }
.uk-lozenge--bold.uk-lozenge--removed, .uk-lozenge--bold.uk-lozenge--danger { background: var(--ds-background-danger-bold); color: var(--ds-text-inverse); }
.uk-lozenge--bold.uk-lozenge--inprogress, .uk-lozenge--bold.uk-lozenge--information { background: var(--ds-background-information-bold); color: var(--ds-text-inverse); }
.uk-lozenge--bold.uk-lozenge--new, .uk-lozenge--bold.uk-lozenge--discovery { background: var(--ds-background-discovery-bold); color: var(--ds-text-inverse); }
.uk-lozenge--bold.uk-lozenge--moved, .uk-lozenge--bold.uk-lozenge--warning { background: var(--ds-background-warning-bold); color: var(--ds-text-warning-inverse); }
.uk-badge { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 8px; font: var(--ds-font-body-small); line-height: 16px; text-align: center; background: var(--ds-background-neutral); color: var(--ds-text); }
.uk-badge--primary, .uk-badge--information { background: var(--ds-background-brand-bold); color: var(--ds-text-inverse); }
.uk-badge--important, .uk-badge--removed, .uk-badge--danger { background: var(--ds-background-danger-bold); color: var(--ds-text-inverse); }
.uk-badge--added, .uk-badge--success { background: var(--ds-background-success); color: var(--ds-text-success); }
.uk-badge--warning { background: var(--ds-background-warning-bold); color: var(--ds-text-warning-inverse); }
.uk-badge--discovery { background: var(--ds-background-discovery-bold); color: var(--ds-text-inverse); }
.uk-button { display: inline-flex; align-items: center; justify-content: center; height: 32px; padding: 0 12px; border: 0; border-radius: 3px; font: inherit; font-weight: var(--ds-font-weight-medium); cursor: pointer; text-decoration: none; white-space: nowrap; background: var(--ds-background-neutral); color: var(--ds-text-subtle); }
.uk-button:hover { background: var(--ds-background-neutral-hovered); text-decoration: none; }
.uk-button:active { background: var(--ds-background-neutral-pressed); }
.uk-button:focus-visible, .uk-link:focus-visible { outline: 2px solid var(--ds-border-focused); outline-offset: 2px; }
.uk-button:disabled { cursor: not-allowed; background: var(--ds-background-disabled); color: var(--ds-text-disabled); }
.uk-button--primary { background: var(--ds-background-brand-bold); color: var(--ds-text-inverse); }
.uk-button--primary:hover { background: var(--ds-background-brand-bold-hovered); }
.uk-button--primary:active { background: var(--ds-background-brand-bold-pressed); }
.uk-button--subtle { background: transparent; }
.uk-button--subtle:hover { background: var(--ds-background-neutral-subtle-hovered); }
.uk-button--warning { background: var(--ds-background-warning-bold); color: var(--ds-text-warning-inverse); }
.uk-button--danger { background: var(--ds-background-danger-bold); color: var(--ds-text-inverse); }
.uk-button--link, .uk-button--subtle-link { background: transparent; color: var(--ds-link); padding: 0 4px; }
.uk-button--fit { width: 100%; }
.uk-button--compact { height: 24px; }
.uk-button--none { height: auto; padding: 0; }
.uk-link { color: var(--ds-link); }
.uk-link[aria-disabled="true"] { color: var(--ds-text-disabled); cursor: not-allowed; }
.uk-spinner { display: inline-block; flex: none; border-radius: 50%; border: 2px solid var(--ds-border); border-top-color: var(--ds-icon-subtle); animation: uk-spin 0.86s linear infinite; }
.uk-spinner--xsmall { width: 8px; height: 8px; }
.uk-spinner--small { width: 16px; height: 16px; }
.uk-spinner--medium { width: 24px; height: 24px; }
.uk-spinner--large { width: 48px; height: 48px; }
.uk-spinner--xlarge { width: 96px; height: 96px; }
@keyframes uk-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .uk-spinner { animation-duration: 3s; } }
.uk-progress-bar { position: relative; width: 100%; height: 6px; border-radius: 3px; overflow: hidden; background: var(--ds-background-neutral); }
.uk-progress-bar-value { position: absolute; inset: 0 auto 0 0; border-radius: 3px; background: var(--ds-background-neutral-bold); }
.uk-progress-bar--success .uk-progress-bar-value { background: var(--ds-background-success-bold); }
.uk-progress-bar--inverse { background: var(--ds-background-inverse-subtle); }
.uk-progress-bar--inverse .uk-progress-bar-value { background: var(--ds-surface); }
.uk-section-message { display: flex; gap: 12px; padding: 16px; border-radius: 3px; background: var(--ds-background-information); color: var(--ds-text); }
.uk-section-message--warning { background: var(--ds-background-warning); }
.uk-section-message--error { background: var(--ds-background-danger); }
.uk-section-message--success { background: var(--ds-background-success); }
.uk-section-message--discovery { background: var(--ds-background-discovery); }
.uk-section-message-icon { flex: none; width: 20px; height: 20px; border-radius: 50%; font-weight: var(--ds-font-weight-bold); font-size: 12px; line-height: 20px; text-align: center; color: var(--ds-text-inverse); background: var(--ds-icon-information); }
.uk-section-message--warning .uk-section-message-icon { background: var(--ds-icon-warning); color: var(--ds-text-warning-inverse); }
.uk-section-message--error .uk-section-message-icon { background: var(--ds-icon-danger); }
.uk-section-message--success .uk-section-message-icon { background: var(--ds-icon-success); }
.uk-section-message--discovery .uk-section-message-icon { background: var(--ds-icon-discovery); }
.uk-section-message-body { min-width: 0; display: flex; flex-direction: column; gap: 8px; }
.uk-section-message-title { margin: 0; font: var(--ds-font-heading-xsmall); }
.uk-tooltip { display: inline-block; }
.uk-unknown { border: 2px dashed var(--ds-border-danger); border-radius: 3px; padding: 4px 8px; color: var(--ds-text-danger); background: var(--ds-background-danger); }
.uk-unknown-label { display: block; font: var(--ds-font-body-small); }
.uk-host-failure { padding: 8px 12px; border-radius: 3px; background: var(--ds-background-danger); color: var(--ds-text-danger); }
`;
