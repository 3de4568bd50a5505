import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { ExportUsageInput, ReportWindow } from '../../../src/resolvers/contract';
import { exportUsage, resetUsage } from './api';
import { downloadText } from './download';
import { plural, windowWords } from './format';
import { ErrorMessage } from './states';

const FORMATS: { format: ExportUsageInput['format']; label: string; help: string }[] = [
  { format: 'json', label: 'Export JSON', help: 'the versioned usage format that scope-inspector audit --usage reads' },
  { format: 'csv', label: 'Export CSV', help: 'one row per endpoint (the window shown), safe to open in a spreadsheet' },
  { format: 'scopes-csv', label: 'Export scopes CSV', help: 'one row per scope with its verdict and evidence (the window shown), one per egress host, then the files not scanned' },
  { format: 'markdown', label: 'Export Markdown', help: 'a scope justification for security review (the window shown)' },
];

/** Returns the Export tab: downloads (the reports count the window shown), and Reset behind a confirmation (both for admins only). */
export default function ExportTab({ canAdminister, window, onReset }: { canAdminister: boolean; window: ReportWindow; onReset: () => void }) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const download = async (format: ExportUsageInput['format']) => {
    setBusy(format);
    setError(undefined);
    setNotice(undefined);
    try {
      const file = await exportUsage(format, window);
      downloadText(file.filename, file.mimeType, file.content);
      setNotice(`Downloaded ${file.filename}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const reset = async () => {
    setBusy('reset');
    setError(undefined);
    try {
      const result = await resetUsage();
      setConfirming(false);
      setNotice(`Usage data reset (${plural(result.deletedKeys, 'storage key')} deleted).`);
      onReset();
    } catch (e) {
      setConfirming(false);
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="si-stack">
      {!canAdminister ? (
        <SectionMessage appearance="information" title="Only administrators can export or reset" testId="not-admin-info">
          <p>Exports and reset are limited to site or product administrators. Ask one to export the usage data for you.</p>
        </SectionMessage>
      ) : null}
      {error ? <ErrorMessage error={error} title="The request was refused" /> : null}
      {notice ? (
        <SectionMessage appearance="success" testId="export-notice">
          <p>{notice}</p>
        </SectionMessage>
      ) : null}
      <section aria-labelledby="si-export-heading">
        <Heading size="small" as="h2" id="si-export-heading">
          Export
        </Heading>
        <p className="si-muted">The JSON usage export holds every recorded day; the other files count the {windowWords(window === 'all' ? null : window)}, as this page does.</p>
        <ul className="si-actions">
          {FORMATS.map((f) => (
            <li key={f.format}>
              <Button isDisabled={!canAdminister || !!busy} isLoading={busy === f.format} onClick={() => download(f.format)} testId={`export-${f.format}`}>
                {f.label}
              </Button>
              <span className="si-muted">{f.help}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="si-reset-heading">
        <Heading size="small" as="h2" id="si-reset-heading">
          Reset
        </Heading>
        <p className="si-muted si-gap-below">Deletes every recorded call of this installation. Static findings stay. Export first if you need the data.</p>
        <Button appearance="danger" isDisabled={!canAdminister || !!busy} onClick={() => setConfirming(true)} testId="reset">
          Reset usage data…
        </Button>
      </section>
      <ModalTransition>
        {confirming ? (
          <Modal onClose={() => setConfirming(false)} testId="reset-dialog">
            <ModalHeader>
              <ModalTitle appearance="danger">Reset usage data?</ModalTitle>
            </ModalHeader>
            <ModalBody>
              <p>Every recorded call, status count and granted-scope observation of this installation is deleted. This cannot be undone.</p>
            </ModalBody>
            <ModalFooter>
              <Button appearance="subtle" onClick={() => setConfirming(false)} testId="reset-cancel">
                Cancel
              </Button>
              <Button appearance="danger" isLoading={busy === 'reset'} onClick={reset} testId="reset-confirm">
                Reset
              </Button>
            </ModalFooter>
          </Modal>
        ) : null}
      </ModalTransition>
    </div>
  );
}
