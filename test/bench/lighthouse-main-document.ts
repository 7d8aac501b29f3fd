/**
 * Lighthouse's own MainDocumentContent gatherer (for the "charset" audit), with 30 s instead of
 * 1 s for Chromium to hand over the page's HTML. On this shared two-core machine the page's
 * renderer often needs longer, and Lighthouse then abandons the whole run (PROTOCOL_TIMEOUT),
 * which says nothing about the page. The artifact is the same.
 */
import MainDocumentContent from 'lighthouse/core/gather/gatherers/main-document-content.js';
import { MainResource } from 'lighthouse/core/computed/main-resource.js';
import { NetworkRequest } from 'lighthouse/core/lib/network-request.js';

type Context = Parameters<MainDocumentContent['getArtifact']>[0];

export default class PatientMainDocumentContent extends MainDocumentContent {
  override async getArtifact(context: Context): Promise<string> {
    const mainResource = await MainResource.request({ devtoolsLog: context.dependencies.DevtoolsLog, URL: context.baseArtifacts.URL }, context);
    const session = context.driver.defaultSession;
    session.setNextProtocolTimeout(30_000);
    const { body } = await session.sendCommand('Network.getResponseBody', { requestId: NetworkRequest.getRequestIdForBackend(mainResource.requestId) });
    return body;
  }
}
