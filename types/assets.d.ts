// Text fixtures bundled as strings (webpack `asset/source`, jest rawTextTransform).
declare module "*.csv" {
  const text: string;
  export default text;
}
declare module "*.txt" {
  const text: string;
  export default text;
}
