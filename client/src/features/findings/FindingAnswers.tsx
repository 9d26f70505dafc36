/**
 * Which of the review's questions (its terms of reference) the finding answers: a tick for each,
 * in the questions' order. The questions themselves are kept on the review's Set-up tab.
 */
export function FindingAnswers({
  questions,
  chosen,
  onChange,
}: {
  questions: readonly { id: string; ordinal: number; text: string }[];
  chosen: readonly string[];
  onChange: (questionIds: string[]) => void;
}) {
  if (questions.length === 0)
    return <p className="hint">The review has no questions yet: add them on the Set-up tab.</p>;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    // Kept in the order of the questions, as the server lists them.
    onChange(questions.filter((question) => next.has(question.id)).map((question) => question.id));
  };
  return (
    <fieldset className="finding-answers">
      <legend>Review questions this finding answers</legend>
      {questions.map((question) => (
        <label key={question.id} className="finding-answers__item">
          <input
            type="checkbox"
            checked={chosen.includes(question.id)}
            onChange={(event) => toggle(question.id, event.target.checked)}
          />{' '}
          {question.ordinal}. {question.text}
        </label>
      ))}
    </fieldset>
  );
}
