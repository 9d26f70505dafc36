import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DocumentDownloads } from './DocumentDownloads';

/** A download that waits until the test lets it finish or fail. */
function controlledDownload() {
  const calls: { url: string; name: string }[] = [];
  let finish: (problem?: Error) => void = () => undefined;
  const download = (url: string, name: string) => {
    calls.push({ url, name });
    return new Promise<void>((resolve, reject) => {
      finish = (problem) => (problem ? reject(problem) : resolve());
    });
  };
  return { calls, download, finish: (problem?: Error) => finish(problem) };
}

describe('DocumentDownloads', () => {
  it('offers the four formats as a labelled group of buttons', () => {
    render(
      <DocumentDownloads
        label="Download the review report"
        basePath="/api/reviews/r1/report"
        fileName="report"
        download={() => Promise.resolve()}
      />,
    );
    const group = screen.getByRole('group', { name: 'Download the review report' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Word (.docx)', 'PDF', 'Web page (.html)', 'Markdown (.md)']);
  });

  it('fetches the format chosen from the keyboard, says it is preparing the PDF and disables the buttons meanwhile', async () => {
    const { calls, download, finish } = controlledDownload();
    render(
      <DocumentDownloads
        label="Download the briefing"
        basePath="/api/reviews/r1/briefing"
        fileName="briefing"
        download={download}
      />,
    );
    screen.getByRole('button', { name: 'PDF' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(calls).toEqual([{ url: '/api/reviews/r1/briefing.pdf', name: 'briefing.pdf' }]);
    expect(screen.getByRole('status')).toHaveTextContent('Preparing the PDF…');
    for (const button of screen.getAllByRole('button')) expect(button).toBeDisabled();

    finish();
    await screen.findByRole('button', { name: 'Word (.docx)' });
    expect(await screen.findByRole('status')).toHaveTextContent('');
    expect(screen.getByRole('button', { name: 'Markdown (.md)' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'PDF' })).toHaveFocus();
  });

  it("shows the server's reason when a download fails, and the other formats still work", async () => {
    const { calls, download, finish } = controlledDownload();
    render(
      <DocumentDownloads
        label="Download the review report"
        basePath="/api/reviews/r1/report"
        fileName="report"
        download={download}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'PDF' }));
    finish(
      new Error(
        'The download failed (503): PDF export needs Chromium, which this server does not have.',
      ),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The download failed (503): PDF export needs Chromium',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Markdown (.md)' }));
    expect(calls.at(-1)).toEqual({ url: '/api/reviews/r1/report.md', name: 'report.md' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('disables the buttons with the reason given, such as unsaved changes', () => {
    render(
      <DocumentDownloads
        label="Download the briefing"
        basePath="/api/reviews/r1/briefing"
        fileName="briefing"
        download={() => Promise.resolve()}
        disabledReason="Save your changes first: the download is the briefing as last saved."
      />,
    );
    for (const button of screen.getAllByRole('button')) expect(button).toBeDisabled();
    expect(
      screen.getByRole('group', { name: 'Download the briefing' }),
    ).toHaveAccessibleDescription(
      'Save your changes first: the download is the briefing as last saved.',
    );
  });
});
