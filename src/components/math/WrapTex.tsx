import { Tex } from './Tex';
import './wrap-tex.css';

/** Display-size maths that wraps at its = and + signs in a narrow panel (inline KaTeX breaks there). */
export function WrapTex({ math }: { math: string }) {
  return (
    <div className="tex-wrap">
      <Tex math={`\\displaystyle ${math}`} />
    </div>
  );
}
