import { useRef, useState } from 'preact/hooks';
import { streamFile, type Answered } from '../stream.js';

/** Offers text (given as parts, so that a large result is never one string) as a file download. */
export function download(name: string, type: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What an upload has produced so far. The arrays grow in place; `version` changes when they do. */
export interface UploadState<T> {
  answers: Answered<T>[];
  /** The file line of each answer's request, in the same order. */
  fileLines: number[];
  read: number;
  failed: number;
  running: boolean;
  error?: unknown;
  version: number;
}

/**
 * Runs an uploaded file through an NDJSON route (see {@link streamFile}). The page re-renders once a
 * slice is read and once it is answered, never once a line, so a large file does not freeze it.
 */
export function useUpload<T extends object>(): { state: UploadState<T>; run: (path: string, file: File) => Promise<void> } {
  const store = useRef<UploadState<T>>({ answers: [], fileLines: [], read: 0, failed: 0, running: false, version: 0 });
  const [, setVersion] = useState(0);
  const changed = () => setVersion((store.current.version += 1));
  const run = async (path: string, file: File) => {
    store.current = { answers: [], fileLines: [], read: 0, failed: 0, running: true, version: store.current.version };
    const s = store.current;
    changed();
    try {
      await streamFile<T>(path, file, {
        onRead: (lines) => {
          s.read += lines.length;
          changed();
        },
        onAnswers: (answers, lines) => {
          for (const a of answers) {
            s.answers.push(a);
            if ('error' in a) s.failed++;
          }
          for (const l of lines) s.fileLines.push(l.line);
          changed();
        },
      });
    } catch (err) {
      s.error = err;
    } finally {
      s.running = false;
      changed();
    }
  };
  return { state: store.current, run };
}

/** Progress of an upload: lines read and answered, errors, and whether it is done. */
export function UploadProgress({ id, state }: { id: string; state: UploadState<object> }) {
  const { read, answers, failed, running } = state;
  if (!read && !running) return null;
  return (
    <div class="progress">
      <label for={`${id}-progress`}>Progress</label> <progress id={`${id}-progress`} max={Math.max(read, 1)} value={answers.length} />{' '}
      <span aria-live="polite" id={`${id}-status`}>
        {answers.length} of {read} lines answered{failed ? `, ${failed} with errors` : ''}
        {running ? ' (reading the file as it goes)' : answers.length ? '. Done.' : ''}
      </span>
    </div>
  );
}

/** How many answer rows a view draws; the downloads hold every line. */
export const ROWS_SHOWN = 500;
