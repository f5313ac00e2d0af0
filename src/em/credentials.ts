/** The application user that EM requests act as (`appID` / `appCertificate`). */
export interface AppCredentials {
  readonly appId: string;
  readonly appCertificate: string;
}
