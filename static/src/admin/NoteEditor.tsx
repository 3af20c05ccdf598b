import { useId, useRef, useState } from 'react';
import { ADMIN_NOTE_MAX } from '../../../src/shared/facts';
import { words } from '../../../src/shared/words/admin';
import { Button } from '../components/Button';
import { closeOnEscape, useFocusWhileOpen } from '../components/focus';
import { Message } from '../components/Message';

/**
 * An admin's note on one connection, edited in place under its row: focus goes into the field when it
 * opens, Esc or Cancel close it (not while saving), and focus goes back to what opened it when it closes.
 */
export function NoteEditor({
  initial,
  busy,
  error,
  onSave,
  onCancel,
}: {
  initial: string;
  busy: boolean;
  error: string | null;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useFocusWhileOpen(field);
  const onKeyDown = closeOnEscape(busy, onCancel);
  const said = words.admin;
  return (
    <div className="confirm-box" role="group" aria-label={said.note} onKeyDown={onKeyDown}>
      <label htmlFor={fieldId} className="field-label">
        {said.noteField({ max: ADMIN_NOTE_MAX })}
      </label>
      <textarea ref={field} id={fieldId} className="input textarea" rows={3} maxLength={ADMIN_NOTE_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      {error && (
        <Message tone="error">
          <p>{error}</p>
        </Message>
      )}
      <div className="form-actions">
        <Button appearance="primary" busy={busy} busyLabel={words.common.saving} onClick={() => onSave(text)}>
          {said.saveNote}
        </Button>
        <Button appearance="subtle" disabled={busy} onClick={onCancel}>
          {words.common.cancel}
        </Button>
      </div>
    </div>
  );
}
