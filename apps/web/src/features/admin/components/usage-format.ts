const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
// Single responses cost fractions of a cent; two significant digits keep them from reading "$0.00".
const usdSmall = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 2 });
const whole = new Intl.NumberFormat();

export const formatDollars = (value: number) =>
  value > 0 && value < 0.01 ? usdSmall.format(value) : usd.format(value);
export const formatCount = (value: number) => whole.format(Math.round(value));
