// Generated from the Cto API's OpenAPI document by `pnpm --filter @cto/api openapi:generate`. Do not edit.

export interface paths {
    "/auth/sign-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address; stored in lowercase */
                        email: string;
                        password: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Signed up and signed in (session cookie set) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string | null;
                                image: string | null;
                                /** @description Unix time in milliseconds */
                                emailVerified: number | null;
                                preferences: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                lastSeenAt: number | null;
                                isActive: boolean;
                                /** @enum {string} */
                                role: "user" | "admin";
                                currentRole: string | null;
                                /** @enum {string|null} */
                                experienceLevel: "intern" | "junior" | "mid_level" | "senior" | "lead" | "manager" | "director" | "vp" | "c_level" | null;
                                industry: string | null;
                                yearsOfExperience: number | null;
                                currentSkills: string[];
                                targetSkills: string[];
                                bio: string | null;
                                currentGoals: string[];
                                achievementScore: number;
                                dailyGenerationCount: number;
                                /** @description Unix time in milliseconds */
                                lastGenerationDate: number | null;
                                currentModel: string | null;
                                preferredModels: string[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            };
                            /** @enum {string} */
                            via: "session" | "api_key";
                            expiresAt: number | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address; stored in lowercase */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Signed in (a new session cookie) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string | null;
                                image: string | null;
                                /** @description Unix time in milliseconds */
                                emailVerified: number | null;
                                preferences: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                lastSeenAt: number | null;
                                isActive: boolean;
                                /** @enum {string} */
                                role: "user" | "admin";
                                currentRole: string | null;
                                /** @enum {string|null} */
                                experienceLevel: "intern" | "junior" | "mid_level" | "senior" | "lead" | "manager" | "director" | "vp" | "c_level" | null;
                                industry: string | null;
                                yearsOfExperience: number | null;
                                currentSkills: string[];
                                targetSkills: string[];
                                bio: string | null;
                                currentGoals: string[];
                                achievementScore: number;
                                dailyGenerationCount: number;
                                /** @description Unix time in milliseconds */
                                lastGenerationDate: number | null;
                                currentModel: string | null;
                                preferredModels: string[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            };
                            /** @enum {string} */
                            via: "session" | "api_key";
                            expiresAt: number | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string | null;
                                image: string | null;
                                /** @description Unix time in milliseconds */
                                emailVerified: number | null;
                                preferences: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                lastSeenAt: number | null;
                                isActive: boolean;
                                /** @enum {string} */
                                role: "user" | "admin";
                                currentRole: string | null;
                                /** @enum {string|null} */
                                experienceLevel: "intern" | "junior" | "mid_level" | "senior" | "lead" | "manager" | "director" | "vp" | "c_level" | null;
                                industry: string | null;
                                yearsOfExperience: number | null;
                                currentSkills: string[];
                                targetSkills: string[];
                                bio: string | null;
                                currentGoals: string[];
                                achievementScore: number;
                                dailyGenerationCount: number;
                                /** @description Unix time in milliseconds */
                                lastGenerationDate: number | null;
                                currentModel: string | null;
                                preferredModels: string[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            };
                            /** @enum {string} */
                            via: "session" | "api_key";
                            expiresAt: number | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a one-hour, single-use password reset link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address; stored in lowercase */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Accepted, whether or not the email has an account */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            message: string;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Too many requests; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset token; signs out every session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Password changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Too many requests; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a link that verifies your address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sent */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            message: string;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an email address with its token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Verified */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your API keys (never the keys themselves) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your keys, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                prefix: string;
                                createdAt: number;
                                lastUsedAt: number | null;
                                expiresAt: number | null;
                                revokedAt: number | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the key is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        expiresAt?: number | null;
                    };
                };
            };
            responses: {
                /** @description The new key, in full, this once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            prefix: string;
                            createdAt: number;
                            lastUsedAt: number | null;
                            expiresAt: number | null;
                            revokedAt: number | null;
                            /** @description The full key. Shown only in this response; store it now. */
                            key: string;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/generation-quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Today's AI generations: used, remaining and when they reset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The quota */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limit: number;
                            used: number;
                            remaining: number;
                            resetsAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything Cto holds about you as one JSON archive (streamed) */
        get: {
            parameters: {
                query?: {
                    /** @description Include embedding vectors (large) */
                    embeddings?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The archive (JSON, as an attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "cto-account-export";
                            /** @enum {number} */
                            version: 1;
                            exportedAt: string;
                            user: {
                                id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            data: {
                                [key: string]: {
                                    [key: string]: unknown;
                                }[];
                            };
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an export archive into this account, which must be empty */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "cto-account-export";
                        /** @enum {number} */
                        version: 1;
                        exportedAt: string;
                        user: {
                            id: string;
                        } & {
                            [key: string]: unknown;
                        };
                        data: {
                            [key: string]: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Rows imported per section */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your account and everything in it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your signed-in sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Live sessions, most recently used first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Unix time in milliseconds */
                                expires: number;
                                /** @description Unix time in milliseconds */
                                absoluteExpiresAt: number | null;
                                /** @description Unix time in milliseconds */
                                lastUsedAt: number | null;
                                ipAddress: string | null;
                                userAgent: string | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out a session (yours) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connected-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your connected accounts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "created";
                    provider?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of connected accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                provider: string;
                                providerAccountId: string;
                                /** @description Unix time in milliseconds */
                                tokenExpires: number | null;
                                scopes: string[];
                                /** @description Unix time in milliseconds */
                                lastSyncAt: number | null;
                                syncEnabled: boolean;
                                /** @enum {string} */
                                status: "active" | "expired" | "revoked" | "error";
                                errorMessage: string | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connected-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your connected accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            provider: string;
                            providerAccountId: string;
                            /** @description Unix time in milliseconds */
                            tokenExpires: number | null;
                            scopes: string[];
                            /** @description Unix time in milliseconds */
                            lastSyncAt: number | null;
                            syncEnabled: boolean;
                            /** @enum {string} */
                            status: "active" | "expired" | "revoked" | "error";
                            errorMessage: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect an account (its tokens are deleted) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Disconnected */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your notifications */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "created" | "scheduled";
                    status?: "pending" | "sent" | "failed" | "cancelled";
                    channel?: "telegram" | "in_app";
                    /** @description true: only messages not seen yet */
                    unseen?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notifications */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                content: string;
                                context: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @enum {string} */
                                status: "pending" | "sent" | "failed" | "cancelled";
                                /** @enum {string} */
                                channel: "telegram" | "in_app";
                                /** @description Unix time in milliseconds */
                                scheduledFor: number | null;
                                /** @description Unix time in milliseconds */
                                sentAt: number | null;
                                /** @description Unix time in milliseconds */
                                failedAt: number | null;
                                attempts: number;
                                lastError: string | null;
                                /** @description Unix time in milliseconds */
                                seenAt: number | null;
                                /** @description Unix time in milliseconds */
                                actedAt: number | null;
                                commitmentId: string | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your notifications */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: string;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed" | "cancelled";
                            /** @enum {string} */
                            channel: "telegram" | "in_app";
                            /** @description Unix time in milliseconds */
                            scheduledFor: number | null;
                            /** @description Unix time in milliseconds */
                            sentAt: number | null;
                            /** @description Unix time in milliseconds */
                            failedAt: number | null;
                            attempts: number;
                            lastError: string | null;
                            /** @description Unix time in milliseconds */
                            seenAt: number | null;
                            /** @description Unix time in milliseconds */
                            actedAt: number | null;
                            commitmentId: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification as seen */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: string;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed" | "cancelled";
                            /** @enum {string} */
                            channel: "telegram" | "in_app";
                            /** @description Unix time in milliseconds */
                            scheduledFor: number | null;
                            /** @description Unix time in milliseconds */
                            sentAt: number | null;
                            /** @description Unix time in milliseconds */
                            failedAt: number | null;
                            attempts: number;
                            lastError: string | null;
                            /** @description Unix time in milliseconds */
                            seenAt: number | null;
                            /** @description Unix time in milliseconds */
                            actedAt: number | null;
                            commitmentId: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/acted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification as acted on (and seen) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: string;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed" | "cancelled";
                            /** @enum {string} */
                            channel: "telegram" | "in_app";
                            /** @description Unix time in milliseconds */
                            scheduledFor: number | null;
                            /** @description Unix time in milliseconds */
                            sentAt: number | null;
                            /** @description Unix time in milliseconds */
                            failedAt: number | null;
                            attempts: number;
                            lastError: string | null;
                            /** @description Unix time in milliseconds */
                            seenAt: number | null;
                            /** @description Unix time in milliseconds */
                            actedAt: number | null;
                            commitmentId: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending notification before it is sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: string;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed" | "cancelled";
                            /** @enum {string} */
                            channel: "telegram" | "in_app";
                            /** @description Unix time in milliseconds */
                            scheduledFor: number | null;
                            /** @description Unix time in milliseconds */
                            sentAt: number | null;
                            /** @description Unix time in milliseconds */
                            failedAt: number | null;
                            attempts: number;
                            lastError: string | null;
                            /** @description Unix time in milliseconds */
                            seenAt: number | null;
                            /** @description Unix time in milliseconds */
                            actedAt: number | null;
                            commitmentId: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminder-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your reminder schedules */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "nextRun";
                    kind?: "commitment_reminder" | "deadline_reminder" | "report" | "consistency" | "story" | "proactive_message" | "account_sync";
                    status?: "active" | "paused" | "completed" | "cancelled" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of reminder schedules */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "commitment_reminder" | "deadline_reminder" | "report" | "consistency" | "story" | "proactive_message" | "account_sync";
                                commitmentId: string | null;
                                deadlineId: string | null;
                                queueName: string;
                                jobId: string;
                                cadence: string | null;
                                timezone: string | null;
                                /** @description Unix time in milliseconds */
                                nextRunAt: number | null;
                                /** @description Unix time in milliseconds */
                                lastRunAt: number | null;
                                /** @enum {string} */
                                status: "active" | "paused" | "completed" | "cancelled" | "failed";
                                payload: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                lastError: string | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminder-schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your reminder schedules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "commitment_reminder" | "deadline_reminder" | "report" | "consistency" | "story" | "proactive_message" | "account_sync";
                            commitmentId: string | null;
                            deadlineId: string | null;
                            queueName: string;
                            jobId: string;
                            cadence: string | null;
                            timezone: string | null;
                            /** @description Unix time in milliseconds */
                            nextRunAt: number | null;
                            /** @description Unix time in milliseconds */
                            lastRunAt: number | null;
                            /** @enum {string} */
                            status: "active" | "paused" | "completed" | "cancelled" | "failed";
                            payload: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            lastError: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/telegram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your Telegram connection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The connection */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            telegramChatId: string | null;
                            telegramUsername: string | null;
                            /** @description Unix time in milliseconds */
                            connectionTokenExpiresAt: number | null;
                            isActive: boolean;
                            /** @description Unix time in milliseconds */
                            connectedAt: number | null;
                            /** @description Unix time in milliseconds */
                            lastMessageAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Unlink Telegram */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unlinked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/telegram/link-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get a one-time token to link a Telegram chat (`/start <token>` to the bot) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A new token; any earlier one stops working */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            telegramChatId: string | null;
                            telegramUsername: string | null;
                            /** @description Unix time in milliseconds */
                            connectionTokenExpiresAt: number | null;
                            isActive: boolean;
                            /** @description Unix time in milliseconds */
                            connectedAt: number | null;
                            /** @description Unix time in milliseconds */
                            lastMessageAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Send `/start <linkToken>` to the Cto bot within 15 minutes. Works once; shown only now. */
                            linkToken: string;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your goals */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "created" | "deadline" | "updated";
                    status?: "active" | "completed" | "archived";
                    period?: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of goals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                description: string | null;
                                /** @enum {string} */
                                period: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                                /** @enum {string} */
                                status: "active" | "completed" | "archived";
                                progress: number;
                                /** @description Unix time in milliseconds */
                                startDate: number;
                                /** @description Unix time in milliseconds */
                                deadline: number | null;
                                /** @description Unix time in milliseconds */
                                completedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your goals */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string | null;
                        /** @enum {string} */
                        period: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                        /** @enum {string} */
                        status?: "active" | "completed" | "archived";
                        progress?: number;
                        startDate?: number;
                        deadline?: number | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            period: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                            /** @enum {string} */
                            status: "active" | "completed" | "archived";
                            progress: number;
                            /** @description Unix time in milliseconds */
                            startDate: number;
                            /** @description Unix time in milliseconds */
                            deadline: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your goals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            period: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                            /** @enum {string} */
                            status: "active" | "completed" | "archived";
                            progress: number;
                            /** @description Unix time in milliseconds */
                            startDate: number;
                            /** @description Unix time in milliseconds */
                            deadline: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your goals */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your goals */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string | null;
                        /** @enum {string} */
                        period?: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                        /** @enum {string} */
                        status?: "active" | "completed" | "archived";
                        progress?: number;
                        startDate?: number;
                        deadline?: number | null;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            period: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                            /** @enum {string} */
                            status: "active" | "completed" | "archived";
                            progress: number;
                            /** @description Unix time in milliseconds */
                            startDate: number;
                            /** @description Unix time in milliseconds */
                            deadline: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/goals/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a goal (progress 100, completedAt now) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            period: "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
                            /** @enum {string} */
                            status: "active" | "completed" | "archived";
                            progress: number;
                            /** @description Unix time in milliseconds */
                            startDate: number;
                            /** @description Unix time in milliseconds */
                            deadline: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your commitments */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "due" | "created";
                    status?: "pending" | "scheduled" | "completed" | "skipped";
                    goalId?: string;
                    /** @description Only commitments due before this Unix ms (approaching deadlines) */
                    dueBefore?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of commitments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                goalId: string | null;
                                title: string;
                                description: string | null;
                                /** @enum {string} */
                                status: "pending" | "scheduled" | "completed" | "skipped";
                                /** @description Unix time in milliseconds */
                                dueAt: number | null;
                                /** @description Unix time in milliseconds */
                                remindAt: number | null;
                                /** @description Unix time in milliseconds */
                                completedAt: number | null;
                                /** @description Unix time in milliseconds */
                                skippedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your commitments */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string | null;
                        /** Format: uuid */
                        goalId?: string | null;
                        /** @enum {string} */
                        status?: "pending" | "scheduled" | "completed" | "skipped";
                        dueAt?: number | null;
                        remindAt?: number | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            goalId: string | null;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            status: "pending" | "scheduled" | "completed" | "skipped";
                            /** @description Unix time in milliseconds */
                            dueAt: number | null;
                            /** @description Unix time in milliseconds */
                            remindAt: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            skippedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/commitments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your commitments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            goalId: string | null;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            status: "pending" | "scheduled" | "completed" | "skipped";
                            /** @description Unix time in milliseconds */
                            dueAt: number | null;
                            /** @description Unix time in milliseconds */
                            remindAt: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            skippedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your commitments */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your commitments */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string | null;
                        /** Format: uuid */
                        goalId?: string | null;
                        /** @enum {string} */
                        status?: "pending" | "scheduled" | "completed" | "skipped";
                        dueAt?: number | null;
                        remindAt?: number | null;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            goalId: string | null;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            status: "pending" | "scheduled" | "completed" | "skipped";
                            /** @description Unix time in milliseconds */
                            dueAt: number | null;
                            /** @description Unix time in milliseconds */
                            remindAt: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            skippedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/commitments/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a commitment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            goalId: string | null;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            status: "pending" | "scheduled" | "completed" | "skipped";
                            /** @description Unix time in milliseconds */
                            dueAt: number | null;
                            /** @description Unix time in milliseconds */
                            remindAt: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            skippedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/commitments/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip a commitment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Skipped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            goalId: string | null;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            status: "pending" | "scheduled" | "completed" | "skipped";
                            /** @description Unix time in milliseconds */
                            dueAt: number | null;
                            /** @description Unix time in milliseconds */
                            remindAt: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            /** @description Unix time in milliseconds */
                            skippedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your conversations */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "updated" | "created";
                    isActive?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of conversations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string | null;
                                summary: string | null;
                                context: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                isActive: boolean;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your conversations */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        summary?: string | null;
                        /** @description Free-form JSON object the assistant uses as thread context */
                        context?: {
                            [key: string]: unknown;
                        } | null;
                        isActive?: boolean;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string | null;
                            summary: string | null;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            isActive: boolean;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your conversations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string | null;
                            summary: string | null;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            isActive: boolean;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your conversations */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your conversations */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        summary?: string | null;
                        /** @description Free-form JSON object the assistant uses as thread context */
                        context?: {
                            [key: string]: unknown;
                        } | null;
                        isActive?: boolean;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string | null;
                            summary: string | null;
                            context: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            isActive: boolean;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a conversation's messages, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                conversationId: string;
                                /** @enum {string} */
                                role: "user" | "assistant" | "system" | "tool";
                                content: string;
                                toolCalls: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                toolCallId: string | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @enum {string} */
                                source: "web" | "telegram" | "voice" | "api";
                                telegramMessageId: string | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Write a message (as the user) in a conversation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Always user here; other roles are written by the assistant
                         * @enum {string}
                         */
                        role?: "user";
                        content: string;
                        /**
                         * @description Where the message was written; web by default
                         * @enum {string}
                         */
                        source?: "web" | "telegram" | "voice" | "api";
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            role: "user" | "assistant" | "system" | "tool";
                            content: string;
                            toolCalls: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            toolCallId: string | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @enum {string} */
                            source: "web" | "telegram" | "voice" | "api";
                            telegramMessageId: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one message of a conversation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string;
                            /** @enum {string} */
                            role: "user" | "assistant" | "system" | "tool";
                            content: string;
                            toolCalls: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            toolCallId: string | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @enum {string} */
                            source: "web" | "telegram" | "voice" | "api";
                            telegramMessageId: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one message of a conversation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your insights */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "created" | "updated";
                    /** @description Comma-separated; insights carrying any of these tags */
                    tag?: string;
                    conversationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of insights */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                conversationId: string | null;
                                title: string | null;
                                content: string;
                                tags: string[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your insights */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        content: string;
                        tags?: string[];
                        /** Format: uuid */
                        conversationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string | null;
                            title: string | null;
                            content: string;
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/insights/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your insights */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string | null;
                            title: string | null;
                            content: string;
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your insights */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your insights */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        content?: string;
                        tags?: string[];
                        /** Format: uuid */
                        conversationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string | null;
                            title: string | null;
                            content: string;
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/emotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your emotions */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "recorded";
                    /** @description Recorded at or after this Unix ms */
                    from?: number | null;
                    /** @description Recorded before this Unix ms */
                    to?: number | null;
                    valence?: "positive" | "neutral" | "negative";
                    conversationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of emotions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                conversationId: string | null;
                                label: string;
                                /** @enum {string} */
                                valence: "positive" | "neutral" | "negative";
                                intensity: number;
                                note: string | null;
                                /** @description Unix time in milliseconds */
                                recordedAt: number;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your emotions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        /** @enum {string} */
                        valence: "positive" | "neutral" | "negative";
                        intensity: number;
                        note?: string | null;
                        recordedAt?: number;
                        /** Format: uuid */
                        conversationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string | null;
                            label: string;
                            /** @enum {string} */
                            valence: "positive" | "neutral" | "negative";
                            intensity: number;
                            note: string | null;
                            /** @description Unix time in milliseconds */
                            recordedAt: number;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emotions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your emotions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string | null;
                            label: string;
                            /** @enum {string} */
                            valence: "positive" | "neutral" | "negative";
                            intensity: number;
                            note: string | null;
                            /** @description Unix time in milliseconds */
                            recordedAt: number;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your emotions */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your emotions */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: string;
                        /** @enum {string} */
                        valence?: "positive" | "neutral" | "negative";
                        intensity?: number;
                        note?: string | null;
                        recordedAt?: number;
                        /** Format: uuid */
                        conversationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            conversationId: string | null;
                            label: string;
                            /** @enum {string} */
                            valence: "positive" | "neutral" | "negative";
                            intensity: number;
                            note: string | null;
                            /** @description Unix time in milliseconds */
                            recordedAt: number;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/energy-metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your energy metrics */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "recorded";
                    /** @description Recorded at or after this Unix ms */
                    from?: number | null;
                    /** @description Recorded before this Unix ms */
                    to?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of energy metrics */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                level: number;
                                note: string | null;
                                /** @description Unix time in milliseconds */
                                recordedAt: number;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your energy metrics */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level: number;
                        note?: string | null;
                        recordedAt?: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            level: number;
                            note: string | null;
                            /** @description Unix time in milliseconds */
                            recordedAt: number;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/energy-metrics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your energy metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            level: number;
                            note: string | null;
                            /** @description Unix time in milliseconds */
                            recordedAt: number;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your energy metrics */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your energy metrics */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level?: number;
                        note?: string | null;
                        recordedAt?: number;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            level: number;
                            note: string | null;
                            /** @description Unix time in milliseconds */
                            recordedAt: number;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/consistency-metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your consistency metrics */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "periodEnd";
                    windowDays?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of consistency metrics */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                windowDays: number;
                                score: number;
                                notes: string | null;
                                /** @description Unix time in milliseconds */
                                periodStart: number;
                                /** @description Unix time in milliseconds */
                                periodEnd: number;
                                /** @description Unix time in milliseconds */
                                computedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consistency-metrics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your consistency metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            windowDays: number;
                            score: number;
                            notes: string | null;
                            /** @description Unix time in milliseconds */
                            periodStart: number;
                            /** @description Unix time in milliseconds */
                            periodEnd: number;
                            /** @description Unix time in milliseconds */
                            computedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your reports */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "periodEnd";
                    type?: "two_day" | "seven_day" | "twenty_one_day";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "two_day" | "seven_day" | "twenty_one_day";
                                /** @description Unix time in milliseconds */
                                periodStart: number;
                                /** @description Unix time in milliseconds */
                                periodEnd: number;
                                title: string | null;
                                summary: string | null;
                                payload: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your reports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "two_day" | "seven_day" | "twenty_one_day";
                            /** @description Unix time in milliseconds */
                            periodStart: number;
                            /** @description Unix time in milliseconds */
                            periodEnd: number;
                            title: string | null;
                            summary: string | null;
                            payload: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your context profile (what the assistant knows about you) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            personalBio: string | null;
                            longTermGoals: string[];
                            workContext: string | null;
                            currentChallenges: string[];
                            aiPreferences: string | null;
                            communicationStyle: string | null;
                            expertiseAreas: string[];
                            learningObjectives: string[];
                            decisionMakingStyle: string | null;
                            timeManagementStyle: string | null;
                            preferredMeetingTimes: string[];
                            workingHours: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Create or replace your context profile (fields left out are cleared) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        personalBio?: string | null;
                        /** @default [] */
                        longTermGoals?: string[];
                        /** @default null */
                        workContext?: string | null;
                        /** @default [] */
                        currentChallenges?: string[];
                        /** @default null */
                        aiPreferences?: string | null;
                        /** @default null */
                        communicationStyle?: string | null;
                        /** @default [] */
                        expertiseAreas?: string[];
                        /** @default [] */
                        learningObjectives?: string[];
                        /** @default null */
                        decisionMakingStyle?: string | null;
                        /** @default null */
                        timeManagementStyle?: string | null;
                        /** @default [] */
                        preferredMeetingTimes?: string[];
                        /** @default null */
                        workingHours?: string | null;
                    };
                };
            };
            responses: {
                /** @description Your profile as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            personalBio: string | null;
                            longTermGoals: string[];
                            workContext: string | null;
                            currentChallenges: string[];
                            aiPreferences: string | null;
                            communicationStyle: string | null;
                            expertiseAreas: string[];
                            learningObjectives: string[];
                            decisionMakingStyle: string | null;
                            timeManagementStyle: string | null;
                            preferredMeetingTimes: string[];
                            workingHours: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your current chat model and preferred models */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your model preference */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description null means the platform default */
                            currentModel: string | null;
                            preferredModels: string[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Set your current chat model (null: platform default) and preferred models */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentModel: string | null;
                        preferredModels: string[];
                    };
                };
            };
            responses: {
                /** @description Your model preference as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description null means the platform default */
                            currentModel: string | null;
                            preferredModels: string[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analytics/ai-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your AI usage by model (count, latency, cost, tokens) */
        get: {
            parameters: {
                query?: {
                    /** @description Only responses created at or after this Unix ms; all time by default */
                    since?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage by model, most used first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            since: number | null;
                            /** @description Most used first */
                            models: {
                                model: string;
                                usageCount: number;
                                /** @description Milliseconds; null when no response recorded a latency */
                                avgLatency: number | null;
                                /** @description US dollars */
                                totalCost: number;
                                avgTokens: number | null;
                                totalTokens: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/ai-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** AI usage by model across all users (administrators) */
        get: {
            parameters: {
                query?: {
                    /** @description Only responses created at or after this Unix ms; all time by default */
                    since?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage by model, most used first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            since: number | null;
                            /** @description Most used first */
                            models: {
                                model: string;
                                usageCount: number;
                                /** @description Milliseconds; null when no response recorded a latency */
                                avgLatency: number | null;
                                /** @description US dollars */
                                totalCost: number;
                                avgTokens: number | null;
                                totalTokens: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your people */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "name" | "importance" | "created" | "updated";
                    /** @description true lists the trash (soft-deleted rows) */
                    trash?: "true" | "false";
                    type?: string;
                    /** @description Only people with this tag */
                    tag?: string;
                    /** @description Search in name and email (case-insensitive) */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of people */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                email: string | null;
                                phone: string | null;
                                type: string;
                                importance: number;
                                company: string | null;
                                title: string | null;
                                notes: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @description Unix time in milliseconds */
                                sourceSyncedAt: number | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                tags: string[];
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your people */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: email */
                        email?: string | null;
                        phone?: string | null;
                        /** @description contact (default), colleague, friend, family, lead */
                        type?: string;
                        importance?: number;
                        company?: string | null;
                        title?: string | null;
                        notes?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            type: string;
                            importance: number;
                            company: string | null;
                            title: string | null;
                            notes: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your people */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            type: string;
                            importance: number;
                            company: string | null;
                            title: string | null;
                            notes: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move one of your people to the trash (permanent=true deletes it) */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your people */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: email */
                        email?: string | null;
                        phone?: string | null;
                        /** @description contact (default), colleague, friend, family, lead */
                        type?: string;
                        importance?: number;
                        company?: string | null;
                        title?: string | null;
                        notes?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            type: string;
                            importance: number;
                            company: string | null;
                            title: string | null;
                            notes: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/people/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore one of your people from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            type: string;
                            importance: number;
                            company: string | null;
                            title: string | null;
                            notes: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your places */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "name" | "created" | "updated";
                    /** @description true lists the trash (soft-deleted rows) */
                    trash?: "true" | "false";
                    type?: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of places */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                type: string;
                                address: string | null;
                                city: string | null;
                                state: string | null;
                                country: string | null;
                                latitude: number | null;
                                longitude: number | null;
                                timezone: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @description Unix time in milliseconds */
                                sourceSyncedAt: number | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                tags: string[];
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your places */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description location (default), home, office, restaurant, venue */
                        type?: string;
                        address?: string | null;
                        city?: string | null;
                        state?: string | null;
                        country?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        /** @description IANA timezone, e.g. Europe/Berlin */
                        timezone?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            address: string | null;
                            city: string | null;
                            state: string | null;
                            country: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timezone: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your places */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            address: string | null;
                            city: string | null;
                            state: string | null;
                            country: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timezone: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move one of your places to the trash (permanent=true deletes it) */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your places */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description location (default), home, office, restaurant, venue */
                        type?: string;
                        address?: string | null;
                        city?: string | null;
                        state?: string | null;
                        country?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                        /** @description IANA timezone, e.g. Europe/Berlin */
                        timezone?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            address: string | null;
                            city: string | null;
                            state: string | null;
                            country: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timezone: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/places/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore one of your places from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            type: string;
                            address: string | null;
                            city: string | null;
                            state: string | null;
                            country: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            timezone: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your events */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "starts" | "created" | "updated";
                    /** @description true lists the trash (soft-deleted rows) */
                    trash?: "true" | "false";
                    /** @description Only events starting at or after this Unix ms (upcoming: now) */
                    from?: number | null;
                    /** @description Only events starting before this Unix ms */
                    to?: number | null;
                    status?: "tentative" | "confirmed" | "cancelled";
                    placeId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                description: string | null;
                                type: string;
                                /** @description Unix time in milliseconds */
                                startsAt: number;
                                /** @description Unix time in milliseconds */
                                endsAt: number | null;
                                allDay: boolean;
                                location: string | null;
                                placeId: string | null;
                                virtualUrl: string | null;
                                /** @enum {string} */
                                status: "tentative" | "confirmed" | "cancelled";
                                visibility: string;
                                source: string;
                                sourceId: string | null;
                                /** @description Unix time in milliseconds */
                                sourceSyncedAt: number | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                tags: string[];
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your events */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string | null;
                        /** @description meeting (default), call, travel, deadline */
                        type?: string;
                        startsAt: number;
                        endsAt?: number | null;
                        allDay?: boolean;
                        location?: string | null;
                        /** Format: uuid */
                        placeId?: string | null;
                        /** Format: uri */
                        virtualUrl?: string | null;
                        /** @enum {string} */
                        status?: "tentative" | "confirmed" | "cancelled";
                        visibility?: string;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            type: string;
                            /** @description Unix time in milliseconds */
                            startsAt: number;
                            /** @description Unix time in milliseconds */
                            endsAt: number | null;
                            allDay: boolean;
                            location: string | null;
                            placeId: string | null;
                            virtualUrl: string | null;
                            /** @enum {string} */
                            status: "tentative" | "confirmed" | "cancelled";
                            visibility: string;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your events */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            type: string;
                            /** @description Unix time in milliseconds */
                            startsAt: number;
                            /** @description Unix time in milliseconds */
                            endsAt: number | null;
                            allDay: boolean;
                            location: string | null;
                            placeId: string | null;
                            virtualUrl: string | null;
                            /** @enum {string} */
                            status: "tentative" | "confirmed" | "cancelled";
                            visibility: string;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move one of your events to the trash (permanent=true deletes it) */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your events */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string | null;
                        /** @description meeting (default), call, travel, deadline */
                        type?: string;
                        startsAt?: number;
                        endsAt?: number | null;
                        allDay?: boolean;
                        location?: string | null;
                        /** Format: uuid */
                        placeId?: string | null;
                        /** Format: uri */
                        virtualUrl?: string | null;
                        /** @enum {string} */
                        status?: "tentative" | "confirmed" | "cancelled";
                        visibility?: string;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            type: string;
                            /** @description Unix time in milliseconds */
                            startsAt: number;
                            /** @description Unix time in milliseconds */
                            endsAt: number | null;
                            allDay: boolean;
                            location: string | null;
                            placeId: string | null;
                            virtualUrl: string | null;
                            /** @enum {string} */
                            status: "tentative" | "confirmed" | "cancelled";
                            visibility: string;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/events/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore one of your events from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            type: string;
                            /** @description Unix time in milliseconds */
                            startsAt: number;
                            /** @description Unix time in milliseconds */
                            endsAt: number | null;
                            allDay: boolean;
                            location: string | null;
                            placeId: string | null;
                            virtualUrl: string | null;
                            /** @enum {string} */
                            status: "tentative" | "confirmed" | "cancelled";
                            visibility: string;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your tasks */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "due" | "priority" | "position" | "created";
                    /** @description true lists the trash (soft-deleted rows) */
                    trash?: "true" | "false";
                    status?: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                    priority?: "low" | "medium" | "high" | "urgent";
                    /** @description Only tasks due before this Unix ms */
                    dueBefore?: number | null;
                    /** @description Subtasks of this task; `root` for top-level tasks */
                    parentId?: "root" | string;
                    assignedToId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tasks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                description: string | null;
                                parentId: string | null;
                                position: number;
                                /** @enum {string} */
                                status: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                                /** @enum {string} */
                                priority: "low" | "medium" | "high" | "urgent";
                                /** @description Unix time in milliseconds */
                                dueDate: number | null;
                                /** @description Unix time in milliseconds */
                                completedAt: number | null;
                                estimatedMinutes: number | null;
                                actualMinutes: number | null;
                                assignedToId: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @description Unix time in milliseconds */
                                sourceSyncedAt: number | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                tags: string[];
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your tasks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string | null;
                        /**
                         * Format: uuid
                         * @description Parent task (this one is a subtask)
                         */
                        parentId?: string | null;
                        position?: number;
                        /** @enum {string} */
                        status?: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                        /** @enum {string} */
                        priority?: "low" | "medium" | "high" | "urgent";
                        dueDate?: number | null;
                        /** @description Set to now when status becomes completed without one */
                        completedAt?: number | null;
                        estimatedMinutes?: number | null;
                        actualMinutes?: number | null;
                        /**
                         * Format: uuid
                         * @description A person of yours
                         */
                        assignedToId?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            parentId: string | null;
                            position: number;
                            /** @enum {string} */
                            status: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent";
                            /** @description Unix time in milliseconds */
                            dueDate: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            estimatedMinutes: number | null;
                            actualMinutes: number | null;
                            assignedToId: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your tasks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            parentId: string | null;
                            position: number;
                            /** @enum {string} */
                            status: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent";
                            /** @description Unix time in milliseconds */
                            dueDate: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            estimatedMinutes: number | null;
                            actualMinutes: number | null;
                            assignedToId: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move one of your tasks to the trash (permanent=true deletes it) */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your tasks */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string | null;
                        /**
                         * Format: uuid
                         * @description Parent task (this one is a subtask)
                         */
                        parentId?: string | null;
                        position?: number;
                        /** @enum {string} */
                        status?: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                        /** @enum {string} */
                        priority?: "low" | "medium" | "high" | "urgent";
                        dueDate?: number | null;
                        /** @description Set to now when status becomes completed without one */
                        completedAt?: number | null;
                        estimatedMinutes?: number | null;
                        actualMinutes?: number | null;
                        /**
                         * Format: uuid
                         * @description A person of yours
                         */
                        assignedToId?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            parentId: string | null;
                            position: number;
                            /** @enum {string} */
                            status: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent";
                            /** @description Unix time in milliseconds */
                            dueDate: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            estimatedMinutes: number | null;
                            actualMinutes: number | null;
                            assignedToId: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/tasks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore one of your tasks from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            parentId: string | null;
                            position: number;
                            /** @enum {string} */
                            status: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent";
                            /** @description Unix time in milliseconds */
                            dueDate: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            estimatedMinutes: number | null;
                            actualMinutes: number | null;
                            assignedToId: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a task (status completed, completedAt now) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            parentId: string | null;
                            position: number;
                            /** @enum {string} */
                            status: "pending" | "in_progress" | "completed" | "cancelled" | "deferred";
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "urgent";
                            /** @description Unix time in milliseconds */
                            dueDate: number | null;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            estimatedMinutes: number | null;
                            actualMinutes: number | null;
                            assignedToId: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your deadlines */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "due" | "importance" | "created";
                    /** @description true lists the trash (soft-deleted rows) */
                    trash?: "true" | "false";
                    /** @description Only deadlines due before this Unix ms (approaching deadlines) */
                    dueBefore?: number | null;
                    status?: "pending" | "completed" | "missed" | "extended";
                    type?: "deadline" | "milestone" | "reminder";
                    taskId?: string;
                    eventId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deadlines */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                description: string | null;
                                /** @enum {string} */
                                type: "deadline" | "milestone" | "reminder";
                                /** @description Unix time in milliseconds */
                                dueAt: number;
                                /** @description Unix time in milliseconds */
                                reminderAt: number | null;
                                /** @enum {string} */
                                status: "pending" | "completed" | "missed" | "extended";
                                importance: number;
                                taskId: string | null;
                                eventId: string | null;
                                consequences: string | null;
                                source: string;
                                sourceId: string | null;
                                /** @description Unix time in milliseconds */
                                sourceSyncedAt: number | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                tags: string[];
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your deadlines */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string | null;
                        /** @enum {string} */
                        type?: "deadline" | "milestone" | "reminder";
                        dueAt: number;
                        reminderAt?: number | null;
                        /** @enum {string} */
                        status?: "pending" | "completed" | "missed" | "extended";
                        importance?: number;
                        /** Format: uuid */
                        taskId?: string | null;
                        /** Format: uuid */
                        eventId?: string | null;
                        consequences?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "deadline" | "milestone" | "reminder";
                            /** @description Unix time in milliseconds */
                            dueAt: number;
                            /** @description Unix time in milliseconds */
                            reminderAt: number | null;
                            /** @enum {string} */
                            status: "pending" | "completed" | "missed" | "extended";
                            importance: number;
                            taskId: string | null;
                            eventId: string | null;
                            consequences: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deadlines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your deadlines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "deadline" | "milestone" | "reminder";
                            /** @description Unix time in milliseconds */
                            dueAt: number;
                            /** @description Unix time in milliseconds */
                            reminderAt: number | null;
                            /** @enum {string} */
                            status: "pending" | "completed" | "missed" | "extended";
                            importance: number;
                            taskId: string | null;
                            eventId: string | null;
                            consequences: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move one of your deadlines to the trash (permanent=true deletes it) */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your deadlines */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string | null;
                        /** @enum {string} */
                        type?: "deadline" | "milestone" | "reminder";
                        dueAt?: number;
                        reminderAt?: number | null;
                        /** @enum {string} */
                        status?: "pending" | "completed" | "missed" | "extended";
                        importance?: number;
                        /** Format: uuid */
                        taskId?: string | null;
                        /** Format: uuid */
                        eventId?: string | null;
                        consequences?: string | null;
                        /** @description Origin: manual (default), gmail, slack… */
                        source?: string;
                        /** @description Id in the source system; unique per source */
                        sourceId?: string | null;
                        sourceSyncedAt?: number | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "deadline" | "milestone" | "reminder";
                            /** @description Unix time in milliseconds */
                            dueAt: number;
                            /** @description Unix time in milliseconds */
                            reminderAt: number | null;
                            /** @enum {string} */
                            status: "pending" | "completed" | "missed" | "extended";
                            importance: number;
                            taskId: string | null;
                            eventId: string | null;
                            consequences: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/deadlines/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore one of your deadlines from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "deadline" | "milestone" | "reminder";
                            /** @description Unix time in milliseconds */
                            dueAt: number;
                            /** @description Unix time in milliseconds */
                            reminderAt: number | null;
                            /** @enum {string} */
                            status: "pending" | "completed" | "missed" | "extended";
                            importance: number;
                            taskId: string | null;
                            eventId: string | null;
                            consequences: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deadlines/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a deadline (a missed or extended one too) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Completed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "deadline" | "milestone" | "reminder";
                            /** @description Unix time in milliseconds */
                            dueAt: number;
                            /** @description Unix time in milliseconds */
                            reminderAt: number | null;
                            /** @enum {string} */
                            status: "pending" | "completed" | "missed" | "extended";
                            importance: number;
                            taskId: string | null;
                            eventId: string | null;
                            consequences: string | null;
                            source: string;
                            sourceId: string | null;
                            /** @description Unix time in milliseconds */
                            sourceSyncedAt: number | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            tags: string[];
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your relationships */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "created" | "strength";
                    /** @description Links with an end of this kind (either end) */
                    entityType?: "person" | "place" | "event" | "task" | "deadline";
                    /** @description Links with this entity at either end */
                    entityId?: string;
                    relationship?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of relationships */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                sourceType: "person" | "place" | "event" | "task" | "deadline";
                                sourceId: string;
                                /** @enum {string} */
                                targetType: "person" | "place" | "event" | "task" | "deadline";
                                targetId: string;
                                relationship: string;
                                strength: number;
                                bidirectional: boolean;
                                notes: string | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your relationships */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        sourceType: "person" | "place" | "event" | "task" | "deadline";
                        /** Format: uuid */
                        sourceId: string;
                        /** @enum {string} */
                        targetType: "person" | "place" | "event" | "task" | "deadline";
                        /** Format: uuid */
                        targetId: string;
                        /** @description works_with, manages, attends, located_at, … */
                        relationship: string;
                        strength?: number;
                        bidirectional?: boolean;
                        notes?: string | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            sourceType: "person" | "place" | "event" | "task" | "deadline";
                            sourceId: string;
                            /** @enum {string} */
                            targetType: "person" | "place" | "event" | "task" | "deadline";
                            targetId: string;
                            relationship: string;
                            strength: number;
                            bidirectional: boolean;
                            notes: string | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/relationships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your relationships */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            sourceType: "person" | "place" | "event" | "task" | "deadline";
                            sourceId: string;
                            /** @enum {string} */
                            targetType: "person" | "place" | "event" | "task" | "deadline";
                            targetId: string;
                            relationship: string;
                            strength: number;
                            bidirectional: boolean;
                            notes: string | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your relationships */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your relationships */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description works_with, manages, attends, located_at, … */
                        relationship?: string;
                        strength?: number;
                        bidirectional?: boolean;
                        notes?: string | null;
                        /** @description Free-form JSON object */
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            sourceType: "person" | "place" | "event" | "task" | "deadline";
                            sourceId: string;
                            /** @enum {string} */
                            targetType: "person" | "place" | "event" | "task" | "deadline";
                            targetId: string;
                            relationship: string;
                            strength: number;
                            bidirectional: boolean;
                            notes: string | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your audit log, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description query, create, update, delete, send, analyze */
                    actionType?: string;
                    /** @description context, integration, agent, user */
                    actionCategory?: string;
                    sessionId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of audit log entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                sessionId: string | null;
                                conversationId: string | null;
                                actionType: string;
                                actionCategory: string;
                                entityType: string | null;
                                entityId: string | null;
                                entitySnapshot: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                intent: string | null;
                                reasoning: string | null;
                                confidence: number | null;
                                inputSummary: string | null;
                                outputSummary: string | null;
                                metadata: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                status: string;
                                errorMessage: string | null;
                                /** @description Unix time in milliseconds */
                                startedAt: number;
                                /** @description Unix time in milliseconds */
                                completedAt: number | null;
                                durationMs: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an audit log entry with the assumptions the agent made */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            sessionId: string | null;
                            conversationId: string | null;
                            actionType: string;
                            actionCategory: string;
                            entityType: string | null;
                            entityId: string | null;
                            entitySnapshot: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            intent: string | null;
                            reasoning: string | null;
                            confidence: number | null;
                            inputSummary: string | null;
                            outputSummary: string | null;
                            metadata: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            status: string;
                            errorMessage: string | null;
                            /** @description Unix time in milliseconds */
                            startedAt: number;
                            /** @description Unix time in milliseconds */
                            completedAt: number | null;
                            durationMs: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            assumptions: {
                                id: string;
                                auditLogId: string;
                                assumption: string;
                                category: string;
                                evidence: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                confidence: number;
                                verified: boolean | null;
                                /** @description Unix time in milliseconds */
                                verifiedAt: number | null;
                                verifiedBy: string | null;
                                correction: string | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-logs/{auditLogId}/assumptions/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm or correct an assumption the agent made (verifiedBy user) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    auditLogId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whether the assumption was right */
                        verified: boolean;
                        /** @description What is true instead */
                        correction?: string;
                    };
                };
            };
            responses: {
                /** @description Verified */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            auditLogId: string;
                            assumption: string;
                            category: string;
                            evidence: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            confidence: number;
                            verified: boolean | null;
                            /** @description Unix time in milliseconds */
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            correction: string | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your analysis sessions */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "lastActivity" | "createdAt";
                    /** @description true lists the trash (soft-deleted rows) */
                    trash?: "true" | "false";
                    status?: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                    type?: "screenshot" | "text";
                    /** @description Only pinned (true) or unpinned (false) sessions */
                    pinned?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of analysis sessions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "screenshot" | "text";
                                /** @enum {string} */
                                status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                                name: string | null;
                                screenshotUrl: string | null;
                                ocrResult: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                                /** @description Unix time in milliseconds */
                                lastActivity: number;
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                isActive: boolean;
                                isPinned: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your analysis sessions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "screenshot" | "text";
                        name?: string | null;
                        /** Format: uri */
                        screenshotUrl?: string | null;
                        isPinned?: boolean;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "screenshot" | "text";
                            /** @enum {string} */
                            status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                            name: string | null;
                            screenshotUrl: string | null;
                            ocrResult: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Unix time in milliseconds */
                            lastActivity: number;
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            isActive: boolean;
                            isPinned: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your analysis sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "screenshot" | "text";
                            /** @enum {string} */
                            status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                            name: string | null;
                            screenshotUrl: string | null;
                            ocrResult: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Unix time in milliseconds */
                            lastActivity: number;
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            isActive: boolean;
                            isPinned: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Move one of your analysis sessions to the trash (permanent=true deletes it) */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your analysis sessions */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        /** Format: uri */
                        screenshotUrl?: string | null;
                        isPinned?: boolean;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "screenshot" | "text";
                            /** @enum {string} */
                            status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                            name: string | null;
                            screenshotUrl: string | null;
                            ocrResult: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Unix time in milliseconds */
                            lastActivity: number;
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            isActive: boolean;
                            isPinned: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/analysis-sessions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore one of your analysis sessions from the trash */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "screenshot" | "text";
                            /** @enum {string} */
                            status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                            name: string | null;
                            screenshotUrl: string | null;
                            ocrResult: string | number | boolean | null | {
                                [key: string]: unknown;
                            } | unknown[];
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Unix time in milliseconds */
                            lastActivity: number;
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            isActive: boolean;
                            isPinned: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-sessions/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a session along its state machine (see the status description) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The status to move to — text: pending_user_input → analysis_in_progress | error; analysis_in_progress → complete | error; complete → analysis_in_progress; error → pending_user_input. screenshot: pending_user_input → previewing_screenshot | error; previewing_screenshot → uploading | pending_user_input | error; uploading → analysis_in_progress | error; analysis_in_progress → verifying_ocr | complete | error; verifying_ocr → analysis_in_progress | error; complete → analysis_in_progress; error → pending_user_input. Reaching complete moves lastActivity; a pending OCR result is left by confirming it, not by this route; retrying (to pending_user_input) drops any OCR result.
                         * @enum {string}
                         */
                        status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                    };
                };
            };
            responses: {
                /** @description Moved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "screenshot" | "text";
                            /**
                             * @description State machine — text: pending_user_input → analysis_in_progress | error; analysis_in_progress → complete | error; complete → analysis_in_progress; error → pending_user_input. screenshot: pending_user_input → previewing_screenshot | error; previewing_screenshot → uploading | pending_user_input | error; uploading → analysis_in_progress | error; analysis_in_progress → verifying_ocr | complete | error; verifying_ocr → analysis_in_progress | error; complete → analysis_in_progress; error → pending_user_input.
                             * @enum {string}
                             */
                            status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                            name: string | null;
                            screenshotUrl: string | null;
                            /** @description OCR output awaiting the user's check; null once confirmed */
                            ocrResult: {
                                id: string;
                                text: string;
                                /** @enum {string} */
                                author: "user" | "contact" | "ai";
                            }[] | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Unix time in milliseconds */
                            lastActivity: number;
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            isActive: boolean;
                            isPinned: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-sessions/{id}/ocr-result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Store the OCR result awaiting the user's check (only while verifying_ocr) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        text: string;
                        /** @enum {string} */
                        author: "user" | "contact" | "ai";
                    }[];
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "screenshot" | "text";
                            /**
                             * @description State machine — text: pending_user_input → analysis_in_progress | error; analysis_in_progress → complete | error; complete → analysis_in_progress; error → pending_user_input. screenshot: pending_user_input → previewing_screenshot | error; previewing_screenshot → uploading | pending_user_input | error; uploading → analysis_in_progress | error; analysis_in_progress → verifying_ocr | complete | error; verifying_ocr → analysis_in_progress | error; complete → analysis_in_progress; error → pending_user_input.
                             * @enum {string}
                             */
                            status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                            name: string | null;
                            screenshotUrl: string | null;
                            /** @description OCR output awaiting the user's check; null once confirmed */
                            ocrResult: {
                                id: string;
                                text: string;
                                /** @enum {string} */
                                author: "user" | "contact" | "ai";
                            }[] | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            /** @description Unix time in milliseconds */
                            lastActivity: number;
                            /** @description Unix time in milliseconds */
                            deletedAt: number | null;
                            isActive: boolean;
                            isPinned: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-sessions/{id}/ocr-result/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the OCR result: its items (or the corrected ones sent) become the session's messages, ocrResult is cleared and the analysis starts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Corrected items; the stored OCR result when absent */
                        items?: {
                            id: string;
                            text: string;
                            /** @enum {string} */
                            author: "user" | "contact" | "ai";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Confirmed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            session: {
                                id: string;
                                /** @enum {string} */
                                type: "screenshot" | "text";
                                /**
                                 * @description State machine — text: pending_user_input → analysis_in_progress | error; analysis_in_progress → complete | error; complete → analysis_in_progress; error → pending_user_input. screenshot: pending_user_input → previewing_screenshot | error; previewing_screenshot → uploading | pending_user_input | error; uploading → analysis_in_progress | error; analysis_in_progress → verifying_ocr | complete | error; verifying_ocr → analysis_in_progress | error; complete → analysis_in_progress; error → pending_user_input.
                                 * @enum {string}
                                 */
                                status: "pending_user_input" | "previewing_screenshot" | "uploading" | "analysis_in_progress" | "verifying_ocr" | "complete" | "error";
                                name: string | null;
                                screenshotUrl: string | null;
                                /** @description OCR output awaiting the user's check; null once confirmed */
                                ocrResult: {
                                    id: string;
                                    text: string;
                                    /** @enum {string} */
                                    author: "user" | "contact" | "ai";
                                }[] | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                                /** @description Unix time in milliseconds */
                                lastActivity: number;
                                /** @description Unix time in milliseconds */
                                deletedAt: number | null;
                                isActive: boolean;
                                isPinned: boolean;
                            };
                            messages: {
                                id: string;
                                analysisSessionId: string;
                                text: string;
                                /** @enum {string} */
                                author: "user" | "contact" | "ai";
                                /** @description Unix time in milliseconds */
                                timestamp: number;
                                /** @enum {string|null} */
                                sentiment: "positive" | "negative" | "neutral" | null;
                                collectionIds: string[];
                                title: string | null;
                                tag: string | null;
                                analysis: string | null;
                                isLiked: boolean;
                                isDisliked: boolean;
                                isPinned: boolean;
                                /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                                usedCount: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a session's messages in timestamp order (oldest first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    author?: "user" | "contact" | "ai";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                analysisSessionId: string;
                                text: string;
                                /** @enum {string} */
                                author: "user" | "contact" | "ai";
                                /** @description Unix time in milliseconds */
                                timestamp: number;
                                /** @enum {string|null} */
                                sentiment: "positive" | "negative" | "neutral" | null;
                                collectionIds: string[];
                                title: string | null;
                                tag: string | null;
                                analysis: string | null;
                                isLiked: boolean;
                                isDisliked: boolean;
                                isPinned: boolean;
                                /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                                usedCount: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a message (user, contact or AI suggestion) to a session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /** @enum {string} */
                        author: "user" | "contact" | "ai";
                        /** @description When the message was written; now when absent */
                        timestamp?: number;
                        /** @enum {string|null} */
                        sentiment?: "positive" | "negative" | "neutral" | null;
                        collectionIds?: string[];
                        title?: string | null;
                        tag?: string | null;
                        analysis?: string | null;
                    };
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            analysisSessionId: string;
                            text: string;
                            /** @enum {string} */
                            author: "user" | "contact" | "ai";
                            /** @description Unix time in milliseconds */
                            timestamp: number;
                            /** @enum {string|null} */
                            sentiment: "positive" | "negative" | "neutral" | null;
                            collectionIds: string[];
                            title: string | null;
                            tag: string | null;
                            analysis: string | null;
                            isLiked: boolean;
                            isDisliked: boolean;
                            isPinned: boolean;
                            /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                            usedCount: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analysis-messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your analysis messages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            analysisSessionId: string;
                            text: string;
                            /** @enum {string} */
                            author: "user" | "contact" | "ai";
                            /** @description Unix time in milliseconds */
                            timestamp: number;
                            /** @enum {string|null} */
                            sentiment: "positive" | "negative" | "neutral" | null;
                            collectionIds: string[];
                            title: string | null;
                            tag: string | null;
                            analysis: string | null;
                            isLiked: boolean;
                            isDisliked: boolean;
                            isPinned: boolean;
                            /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                            usedCount: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your analysis messages */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your analysis messages (its author stays) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text?: string;
                        /** @description When the message was written; now when absent */
                        timestamp?: number;
                        /** @enum {string|null} */
                        sentiment?: "positive" | "negative" | "neutral" | null;
                        collectionIds?: string[];
                        title?: string | null;
                        tag?: string | null;
                        analysis?: string | null;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            analysisSessionId: string;
                            text: string;
                            /** @enum {string} */
                            author: "user" | "contact" | "ai";
                            /** @description Unix time in milliseconds */
                            timestamp: number;
                            /** @enum {string|null} */
                            sentiment: "positive" | "negative" | "neutral" | null;
                            collectionIds: string[];
                            title: string | null;
                            tag: string | null;
                            analysis: string | null;
                            isLiked: boolean;
                            isDisliked: boolean;
                            isPinned: boolean;
                            /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                            usedCount: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/analysis-messages/{id}/interactions/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an interaction (idempotent; liked and disliked replace each other) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: "liked" | "disliked" | "pinned" | "copied_to_clipboard";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The message with its derived flags */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            analysisSessionId: string;
                            text: string;
                            /** @enum {string} */
                            author: "user" | "contact" | "ai";
                            /** @description Unix time in milliseconds */
                            timestamp: number;
                            /** @enum {string|null} */
                            sentiment: "positive" | "negative" | "neutral" | null;
                            collectionIds: string[];
                            title: string | null;
                            tag: string | null;
                            analysis: string | null;
                            isLiked: boolean;
                            isDisliked: boolean;
                            isPinned: boolean;
                            /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                            usedCount: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Remove an interaction (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: "liked" | "disliked" | "pinned" | "copied_to_clipboard";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The message with its derived flags */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            analysisSessionId: string;
                            text: string;
                            /** @enum {string} */
                            author: "user" | "contact" | "ai";
                            /** @description Unix time in milliseconds */
                            timestamp: number;
                            /** @enum {string|null} */
                            sentiment: "positive" | "negative" | "neutral" | null;
                            collectionIds: string[];
                            title: string | null;
                            tag: string | null;
                            analysis: string | null;
                            isLiked: boolean;
                            isDisliked: boolean;
                            isPinned: boolean;
                            /** @description Copies to the clipboard by you; one interaction per (user, message, type), so 0 or 1 */
                            usedCount: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your posts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    sort?: "created" | "updated";
                    status?: "draft" | "published";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of posts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                content: string;
                                /** @enum {string} */
                                status: "draft" | "published";
                                /** @description Unix time in milliseconds */
                                publishedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create one of your posts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        content: string;
                        /** @enum {string} */
                        status?: "draft" | "published";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your posts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your posts */
        delete: {
            parameters: {
                query?: {
                    permanent?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your posts */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        content?: string;
                        /**
                         * @description draft unpublishes the post
                         * @enum {string}
                         */
                        status?: "draft";
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/posts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish one of your drafts (publishedAt now) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Published */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Like a published post (idempotent) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Liked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            author: {
                                id: string;
                                name: string | null;
                            };
                            likeCount: number;
                            replyCount: number;
                            likedByMe: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Take your like back (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unliked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            author: {
                                id: string;
                                name: string | null;
                            };
                            likeCount: number;
                            replyCount: number;
                            likedByMe: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a post's replies, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of replies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                postId: string;
                                content: string;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                                author: {
                                    id: string;
                                    name: string | null;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Reply to a published post */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description Replied */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            content: string;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            author: {
                                id: string;
                                name: string | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The community feed: published posts of all users, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Newest first, by publishedAt (default) or createdAt */
                    sort?: "published" | "created";
                    /** @description Only this author's published posts */
                    authorId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the feed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                content: string;
                                /** @enum {string} */
                                status: "draft" | "published";
                                /** @description Unix time in milliseconds */
                                publishedAt: number | null;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                                author: {
                                    id: string;
                                    name: string | null;
                                };
                                likeCount: number;
                                replyCount: number;
                                likedByMe: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feed/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published post of the feed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            content: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            /** @description Unix time in milliseconds */
                            publishedAt: number | null;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            author: {
                                id: string;
                                name: string | null;
                            };
                            likeCount: number;
                            replyCount: number;
                            likedByMe: boolean;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of your replies */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change one of your replies */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            content: string;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                            author: {
                                id: string;
                                name: string | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your stories, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Exact period, e.g. "2025-W14" */
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of stories */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                period: string;
                                content: string;
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your stories */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            period: string;
                            content: string;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stories/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate your story for a period (one per period; counts against the daily AI generation limit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        period: string;
                    };
                };
            };
            responses: {
                /** @description The new story */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            period: string;
                            content: string;
                            /** @description Unix time in milliseconds */
                            createdAt: number;
                            /** @description Unix time in milliseconds */
                            updatedAt: number;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Too many requests; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/conversations/{id}/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message to the coach and stream its reply (server-sent events)
         * @description Stores the user's message, retrieves the user's most relevant memory and knowledge, and streams the reply. Events: `delta` `{ text }` (pieces of the reply, in order), then `done` (message, sources, actions, usage, model) or `error` `{ code, message }`. The daily token budget (AI_DAILY_TOKEN_BUDGET, per user and UTC day) answers 429 before any model call once spent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description An SSE stream of delta, then done or error events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not found (also for another user's records) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Too many requests; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search your memory and the knowledge base by meaning */
        get: {
            parameters: {
                query: {
                    /** @description What to search for, in plain words */
                    q: string;
                    scope?: "all" | "memory" | "knowledge";
                    /** @description Comma-separated kinds of memory: message, insight, report, conversation, goal, commitment, person, place, event, task, deadline, post, reply, story, analysis_message, user_context, emotion, energy_metric */
                    kinds?: string;
                    /** @description Memory created at or after this Unix ms */
                    from?: number | null;
                    /** @description Memory created before this Unix ms */
                    to?: number | null;
                    phase?: number;
                    goal?: string;
                    type?: string;
                    k?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Matches, best first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            model: string;
                            memory: {
                                id: string;
                                /** @enum {string} */
                                ownerKind: "message" | "insight" | "report" | "conversation" | "goal" | "commitment" | "person" | "place" | "event" | "task" | "deadline" | "post" | "reply" | "story" | "analysis_message" | "user_context" | "emotion" | "energy_metric";
                                ownerId: string;
                                chunkIndex: number;
                                content: string;
                                createdAt: number;
                                /** @description Cosine similarity, 1 = same direction */
                                score: number;
                            }[];
                            knowledge: {
                                id: string;
                                chunkId: string;
                                textContent: string;
                                phase: number | null;
                                goal: string | null;
                                type: string | null;
                                score: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List knowledge chunks by phase, goal, type and activity */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    phase?: number;
                    goal?: string;
                    type?: string;
                    /** @description Only active (true) or retired (false) chunks; both when absent */
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of chunks, by chunk id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                chunkId: string;
                                version: string;
                                source: string;
                                isActive: boolean;
                                textContent: string;
                                embeddingText: string;
                                embeddingModel: string | null;
                                phase: number | null;
                                goal: string | null;
                                type: string | null;
                                techniques: string[];
                                context: string[];
                                situation: string | null;
                                primaryIntent: string | null;
                                riskLevel: string | null;
                                languageVariants: string | number | boolean | null | {
                                    [key: string]: unknown;
                                } | unknown[];
                                /** @description Unix time in milliseconds */
                                createdAt: number;
                                /** @description Unix time in milliseconds */
                                updatedAt: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ingest knowledge chunks (idempotent by chunk id and version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Knowledge chunks in seed 001's JSON format */
                        chunks: {
                            metadata: {
                                chunk_id: string;
                                version: string;
                                source: string;
                                is_active?: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            languageVariants: {
                                [key: string]: {
                                    text: string;
                                } & {
                                    [key: string]: unknown;
                                };
                            };
                            embeddingStrings: string[];
                            tags: {
                                phase: (number | string)[];
                                goal?: string[];
                                type?: string[];
                                /** @default [] */
                                technique?: string[];
                                /** @default [] */
                                context?: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            situation?: string;
                            guidance?: {
                                primary_intent?: string;
                                risk_level?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description How many chunks were created, updated and left unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            updated: number;
                            unchanged: number;
                            model: string;
                        };
                    };
                };
                /** @description Invalid request (validation_failed or bad_request, with field paths in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not signed in, or the API key is invalid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Request body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "invalid_state" | "rate_limited" | "internal_error" | "service_unavailable";
                                message: string;
                                requestId: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
