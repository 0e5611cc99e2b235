/** Elements with no box of their own (a source hidden behind its translation), placed by their parent's. */
export function placed(boxes: readonly [top: number, height: number][]): Element[] & { reads: number[] } {
  const reads: number[] = [];
  const elements = boxes.map(([top, height], index) => {
    const parent = document.createElement('div');
    const element = document.createElement('p');
    parent.append(element);
    parent.getBoundingClientRect = () => {
      reads.push(index);
      return { top, bottom: top + height, height } as DOMRect;
    };
    return element as Element;
  });
  return Object.assign(elements, { reads });
}
