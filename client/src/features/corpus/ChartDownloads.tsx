import { RefObject, useState } from 'react';
import { downloadPng, downloadSvg } from '../../components/csv-download';

interface Props {
  /** The file name without its extension, e.g. "corpus-trend". */
  fileName: string;
  svgRef: RefObject<SVGSVGElement | null>;
  onCsv: () => void;
  /** What the figure is called on its buttons: "chart" or "matrix". */
  noun?: string;
}

/** A figure's downloads: its table as CSV, the chart as SVG, and as PNG at twice its size. */
export function ChartDownloads({ fileName, svgRef, onCsv, noun = 'chart' }: Props) {
  const [preparing, setPreparing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const png = async () => {
    setProblem(null);
    setPreparing(true);
    try {
      await downloadPng(`${fileName}.png`, svgRef.current);
    } catch (caught) {
      setProblem((caught as Error).message);
    } finally {
      setPreparing(false);
    }
  };
  return (
    <>
      <div className="corpus__downloads">
        <button type="button" className="button" onClick={onCsv}>
          Download the {noun === 'chart' ? 'table' : noun} (CSV)
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadSvg(`${fileName}.svg`, svgRef.current)}
        >
          Download the {noun} (SVG)
        </button>
        <button type="button" className="button" disabled={preparing} onClick={() => void png()}>
          {preparing ? 'Preparing the PNG…' : `Download the ${noun} (PNG)`}
        </button>
      </div>
      {problem && (
        <p className="notice notice--error" role="alert">
          The {noun} could not be saved as a PNG: {problem}
        </p>
      )}
    </>
  );
}
