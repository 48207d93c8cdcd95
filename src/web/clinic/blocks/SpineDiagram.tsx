/**
 * The spine diagram: the facet levels of one region drawn as a posterior view (vertebrae between the joints),
 * each joint with a toggle button for the patient's left facet, one for the right and one for both sides.
 * Every control is a real button with aria-pressed, so the diagram is the keyboard interface too.
 */
import { JOINTS, type Joint, type JointSide, type Region, type Side } from '../../../contract/preview';
import { jointsOf, toggleSide, vertebraeAround } from './spine';
import './blocks.css';

/** The toggle for one facet (left or right) of a joint, ticked when that side is chosen. */
function FacetButton(props: { joint: Joint; side: 'left' | 'right'; pressed: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`facet facet-${props.side}`}
      aria-pressed={props.pressed}
      onClick={props.onClick}
    >
      <span className="mark" aria-hidden="true">
        {props.pressed ? '✓' : ''}
      </span>
      <span className="visually-hidden">{props.joint} </span>
      {props.side === 'left' ? 'Left' : 'Right'}
    </button>
  );
}

export function SpineDiagram(props: {
  region: Region;
  value: readonly JointSide[];
  onChange: (next: JointSide[]) => void;
  error?: string | undefined;
  id?: string;
}) {
  const joints = jointsOf(props.region);
  const vertebrae = vertebraeAround(joints);
  const sideOf = new Map(props.value.map((j) => [j.joint, j.side]));
  const set = (joint: Joint, side: Side | undefined) => {
    const next = new Map(sideOf);
    if (side) next.set(joint, side);
    else next.delete(joint);
    // Always cranial to caudal, as the joints are listed.
    props.onChange(JOINTS.filter((j) => next.has(j)).map((j) => ({ joint: j, side: next.get(j)! })));
  };
  const errorId = props.id ? `${props.id}-error` : undefined;

  return (
    <fieldset
      className={props.error ? 'spine field-error' : 'spine'}
      id={props.id}
      tabIndex={-1}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>Joints: {props.region} facet levels</legend>
      <p className="hint">
        Posterior view, as the patient lies prone: the patient's left is on the left. Choose the side of each
        level to block; Left and Right together make both sides.
      </p>
      {props.error && (
        <p className="error-text" id={errorId}>
          {props.error}
        </p>
      )}
      <div className="spine-diagram">
        <div className="spine-sides" aria-hidden="true">
          <span>Patient's left</span>
          <span />
          <span>Patient's right</span>
        </div>
        <ul className="spine-levels">
          {vertebrae.map((v, i) => {
            const joint = joints[i];
            const side = joint ? sideOf.get(joint) : undefined;
            const left = side === 'left' || side === 'bilateral';
            const right = side === 'right' || side === 'bilateral';
            return (
              <li key={v} className="spine-item">
                <div className="vertebra" aria-hidden="true">
                  <span className={v === 'S1' ? 'body sacrum' : 'body'}>{v === 'S1' ? 'Sacrum' : v}</span>
                </div>
                {joint && (
                  // biome-ignore lint/a11y/useSemanticElements: one row of the diagram's grid; a fieldset would break the layout
                  <div
                    role="group"
                    aria-label={`${joint} facet joint`}
                    className={side ? 'level chosen' : 'level'}
                  >
                    <FacetButton
                      joint={joint}
                      side="left"
                      pressed={left}
                      onClick={() => set(joint, toggleSide(side, 'left'))}
                    />
                    <span className="joint-label" aria-hidden="true">
                      {joint}
                    </span>
                    <FacetButton
                      joint={joint}
                      side="right"
                      pressed={right}
                      onClick={() => set(joint, toggleSide(side, 'right'))}
                    />
                    <button
                      type="button"
                      className="facet facet-both"
                      aria-pressed={side === 'bilateral'}
                      onClick={() => set(joint, toggleSide(side, 'bilateral'))}
                    >
                      <span className="visually-hidden">{joint} </span>Both
                      <span className="visually-hidden"> sides</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <p className="spine-chosen">
        <strong>Chosen: </strong>
        {props.value.length
          ? props.value.map((j) => `${j.joint} ${j.side === 'bilateral' ? 'both sides' : j.side}`).join(', ')
          : 'no level yet'}
        {props.value.length > 0 && (
          <>
            {' '}
            <button type="button" className="secondary small" onClick={() => props.onChange([])}>
              Clear the levels
            </button>
          </>
        )}
      </p>
    </fieldset>
  );
}
