// validateCustomResourceConversion: strategy None or Webhook; a webhook needs one of url or service,
// a loadable caBundle (once the CRD is served) and known ConversionReview versions.
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { isDNS1035Label } from '../../validation/names.js';
import type { InternalConversion } from './internal.js';
import { validateCABundle, validateWebhookService, validateWebhookURL } from '../../validation/webhook-client.js';

const STRATEGIES = ['None', 'Webhook'];
/** The ConversionReview versions the previous kube-apiserver release understands. */
const ACCEPTED_REVIEW_VERSIONS = ['v1', 'v1beta1'];

export interface ConversionOptions {
  requireRecognizedReviewVersion: boolean;
  allowInvalidCABundle: boolean;
}

/** hasValidConversionReviewVersionOrEmpty. */
export function hasAcceptedReviewVersionOrNone(versions: string[] | undefined): boolean {
  return !versions?.length || versions.some((v) => ACCEPTED_REVIEW_VERSIONS.includes(v));
}

function validateReviewVersions(versions: string[] | undefined, requireRecognized: boolean, path: string): FieldError[] {
  if (!versions?.length) return [required(path, '')];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) {
      errs.push(invalid(`${path}[${i}]`, v, 'duplicate version'));
      return;
    }
    seen.add(v);
    for (const msg of isDNS1035Label(v)) errs.push(invalid(`${path}[${i}]`, v, msg));
  });
  if (requireRecognized && !versions.some((v) => ACCEPTED_REVIEW_VERSIONS.includes(v))) {
    errs.push(invalid(path, versions, `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`));
  }
  return errs;
}

function validateWebhook(conversion: InternalConversion, options: ConversionOptions, path: string): FieldError[] {
  const cc = conversion.webhookClientConfig;
  const ccPath = `${path}.webhookClientConfig`;
  const errs: FieldError[] = [];
  if (!cc) errs.push(required(ccPath, 'required when strategy is set to Webhook'));
  else {
    if ((cc.url === undefined) === (cc.service === undefined)) errs.push(required(ccPath, 'exactly one of url or service is required'));
    else if (cc.url !== undefined) errs.push(...validateWebhookURL(`${ccPath}.url`, cc.url));
    else if (cc.service) errs.push(...validateWebhookService(`${ccPath}.service`, cc.service.name ?? '', cc.service.namespace ?? '', cc.service.path, cc.service.port ?? 0));
    if (cc.caBundle && !options.allowInvalidCABundle) errs.push(...validateCABundle(`${ccPath}.caBundle`, cc.caBundle));
  }
  return [...errs, ...validateReviewVersions(conversion.conversionReviewVersions, options.requireRecognizedReviewVersion, `${path}.conversionReviewVersions`)];
}

export function validateConversion(conversion: InternalConversion | undefined, options: ConversionOptions, path: string): FieldError[] {
  if (!conversion) return [];
  const strategy = conversion.strategy;
  const errs: FieldError[] = [];
  if (!strategy) errs.push(required(`${path}.strategy`, ''));
  else if (!STRATEGIES.includes(strategy)) errs.push(notSupported(`${path}.strategy`, strategy, STRATEGIES));
  if (strategy === 'Webhook') return [...errs, ...validateWebhook(conversion, options, path)];
  const notWebhook = 'should not be set when strategy is not set to Webhook';
  if (conversion.webhookClientConfig) errs.push(forbidden(`${path}.webhookClientConfig`, notWebhook));
  if (conversion.conversionReviewVersions?.length) errs.push(forbidden(`${path}.conversionReviewVersions`, notWebhook));
  return errs;
}
