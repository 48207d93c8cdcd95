/**
 * A QR code drawn as SVG by React from qrcode-generator's module matrix (no innerHTML): one path of unit squares
 * on a white quiet zone of four modules, so phones read it from a screen or a printout.
 */
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

const QUIET = 4;

export function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
  return { size: n, d };
}

export function QrCode(props: { text: string; label: string; pixels?: number }) {
  const { size, d } = useMemo(() => qrPath(props.text), [props.text]);
  const box = size + 2 * QUIET;
  const px = props.pixels ?? 220;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${box} ${box}`}
      width={px}
      height={px}
      shapeRendering="crispEdges"
      data-modules={size}
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
