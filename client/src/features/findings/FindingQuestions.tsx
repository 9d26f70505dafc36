import { useRef } from 'react';
import { moveItem } from './finding-order';

/**
 * The questions the review puts to the board, in order: the partnership decides the response, so
 * the review asks rather than recommends.
 */
export function FindingQuestions({
  questions,
  onChange,
}: {
  questions: string[];
  onChange: (questions: string[]) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLater = (selector: string) =>
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(selector)?.focus());

  const move = (index: number, offset: number) => {
    onChange(moveItem(questions, index, offset));
    const target = index + offset;
    const direction = offset < 0 ? 'up' : 'down';
    const edge = direction === 'up' ? target === 0 : target === questions.length - 1;
    // Stay on the question that moved; at the top or bottom its button is disabled, so take the other.
    focusLater(
      `[data-question="${target}"] [data-move="${edge ? (direction === 'up' ? 'down' : 'up') : direction}"]`,
    );
  };
  const remove = (index: number) => {
    onChange(questions.filter((_, other) => other !== index));
    if (questions.length === 1) requestAnimationFrame(() => addButton.current?.focus());
    else focusLater(`[data-question="${Math.min(index, questions.length - 2)}"] textarea`);
  };
  const add = () => {
    onChange([...questions, '']);
    focusLater(`[data-question="${questions.length}"] textarea`);
  };

  return (
    <div className="finding-questions">
      {questions.length === 0 && <p className="hint">No questions for the board yet.</p>}
      <ol className="finding-questions__list" ref={list}>
        {questions.map((question, index) => (
          <li key={index} data-question={index} className="finding-questions__item">
            <label className="finding-field finding-questions__text">
              <span>Question {index + 1}</span>
              <textarea
                rows={2}
                value={question}
                onChange={(event) =>
                  onChange(
                    questions.map((other, at) => (at === index ? event.target.value : other)),
                  )
                }
              />
            </label>
            <div className="finding-questions__actions">
              <button
                type="button"
                className="button button--secondary button--inline"
                data-move="up"
                disabled={index === 0}
                aria-label={`Move question ${index + 1} up`}
                onClick={() => move(index, -1)}
              >
                <span aria-hidden="true">↑</span> Up
              </button>
              <button
                type="button"
                className="button button--secondary button--inline"
                data-move="down"
                disabled={index === questions.length - 1}
                aria-label={`Move question ${index + 1} down`}
                onClick={() => move(index, 1)}
              >
                <span aria-hidden="true">↓</span> Down
              </button>
              <button
                type="button"
                className="button button--secondary button--inline finding-danger-text"
                aria-label={`Remove question ${index + 1}`}
                onClick={() => remove(index)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" ref={addButton} onClick={add}>
        Add a question
      </button>
    </div>
  );
}
