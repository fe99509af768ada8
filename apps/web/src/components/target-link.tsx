import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

import type { TTarget } from "../lib/targets.ts";

/** A link to a place `memoryTarget` or `sourceTarget` found, whatever its kind. */
export const TargetLink = ({
  target,
  className,
  children,
}: {
  target: TTarget;
  className?: string;
  children: ReactNode;
}) => (
  // Typed routes know each path's params and search; this one link serves every kind, hence the casts.
  <Link
    to={target.to as "/"}
    params={target.params as never}
    search={target.search as never}
    hash={target.hash}
    className={className}
  >
    {children}
  </Link>
);
