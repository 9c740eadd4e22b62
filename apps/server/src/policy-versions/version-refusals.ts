import { HttpError } from '../errors.js';

/**
 * 409 FTAI_ERR_VERSION_STATUS: the version is no longer where the step starts (a draft submitted,
 * a version decided meanwhile by another officer). The message names both (error-text words it in Chinese).
 */
export function refuseStatus(status: string, what: string): never {
  throw new HttpError(409, 'FTAI_ERR_VERSION_STATUS', `the policy version is ${status}: it can no longer be ${what}`);
}
