// An export job's file is saved as soon as the job finishes (once per file); `saveAgain` saves it again.
import { useEffect, useState } from 'react';
import type { StoredFileRef } from '../../../shared/import';
import { reportError } from '../ui/notify';
import { saveFile } from './client';

export function useSavedResult(file: StoredFileRef | null | undefined): { saveAgain(): void; forget(): void } {
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (file && saved !== file.sha256) {
      setSaved(file.sha256);
      saveFile(file).catch(reportError);
    }
  }, [file, saved]);
  return {
    saveAgain: () => file && void saveFile(file).catch(reportError),
    forget: () => setSaved(null),
  };
}
