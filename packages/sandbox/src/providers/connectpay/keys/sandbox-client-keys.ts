/**
 * The sandbox test client's fixed RSA 2048 key pair (generated once with node:crypto, PKCS#8 / SPKI PEM).
 * This is test data, not a secret: it is published with the package so that tests and merchants' CI can
 * sign API v2 requests for `SANDBOX_CLIENT`. Never use it against the real ConnectPay stage. The same PEMs
 * are also committed as `.pem` files next to this module for tools that want files.
 */
export const SANDBOX_CLIENT_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCb1Wf9e+2IAjCv
FN5BpZyg/u3xQSvbeftDiWNvvBZDlQ0X2FjppCcJPuzTE6x2G6aiJcwB53ntzQ1H
ufzkv0WiSrfRG62wSPjUlernNG/Cs2QSP84vkhwR9h0dJu09fhv/VvzZBNEsB2h6
+1UcmORzeXSNTumPkIWHK1BOqUu5Y05h3ZD6xxH+xQAFZKOEPQkXhy4H8/68V+eY
fTDfQC9fA17on6RwEoSlODJCPnpOzXqiKVx6pt8ZCLY9ud/RhEFqv2HtF8J825Vu
LMBW6tmw7ZCSer1etXolCqYjbOAQz5ODbeW2VIg7YgXEU94XP2ZWeSRWuCZWABZJ
iu+NBfm5AgMBAAECggEAGKgUC6ILq9z42gL5xbZQCZM8j9MpftEWphF7d8bxWOEh
ELhNHS65dHeN3jn7LDbkzzwewuBexPcQVlyBvKnc+ThMTFxOR5nMMUrFP67mzg43
U8HfvFwob9kasy2hFP06rdSULjxaYlaLvAW/akZwwyqg++jUAMCzt/bs/n0/+4WR
KoTJelZ3NZ3Rq1Djl/GtfFaweCDe+Sgvq9bOUn9XCXuk27m5HVQZeiNLbT/VX1rD
ot/CyEWsPP0P2UKqPQnpRJrFXsYL/k8NKkYRD8ugZH4sIdVweApSIGZPQHQGGK5Q
msKA2IvF4KsUkYU6KsKikjGJaUz+tdLWi+Ec0ncJeQKBgQDSk4SNOnRy+xXrQjQb
5wMqvPt1SIls/yn173bfkZ8YyyEaxag8Fjx7lRkfA0wIwHs2/2/yl190AkHU9jh3
H9wYgBWSzhZcAq25hp1ewnkYsdgNvJJU9/rs3tLBX8L0Dx73UNVAKLMP/TQ3SgWA
xi434MW2QCz2LdwIvDkqfp2uvQKBgQC9cuFwf3T8QhTi8G2yKu1gDPKgBwPKoZyS
/osyE/qxENx+PhV+XwPl0+BhAuZhbiAGWES5ErSQETogaQ5NXAxcJ+AvPe3Q+LpF
fHVwOR6c9i621xp6wdTzibqJopzDGAjWVeWrg53ty5RKxBQI9XSj8NpvJCx190t7
h98wUqK0rQKBgETGs6tg5TnMsksFc3mNiSZDVSnoSCJWcMEHtl6s9Dan2ach2aHO
bXC7sNnFPOc63sOGyGyGbkG4nwHMbYLS4BMMen9ZWkoxAcavpeSWRfD/3R4Xcf/Y
gpcs688G1Ojbq3SBbTUoVduqCozoW0XE9MGBY3H0IftB3TTpLQ6pDh1NAoGBALRG
DEY70vt0emGVPh1LggRjbcFfy3jXnqG1/IjTwDsb+2VZ+KP/EDt0CdDmrIlL/Mds
2UBvj0iETBapQYXVsKFFBKyPtqyi8sXKcAoxIHNmQ/+S4syrg9OXXN050whG56nl
pR43qWGt1lfrC9GWmL6kI4edGX3Lq5VKLtTR3aglAoGAd/2X2XBF1QaJ4432eVMJ
RKlca/wkno0MKfR0RuNmbu4B+eOkRlyIdxEGvSccXQjJwUuh/LO90JeTSH7ySQPP
RMDVXqpQp2BjI/zcmREZvwVLjYIe44kOEljO4c6z2MpXpkdkwd6K8I/sR5EH8rU7
HavAyr50CWFdqDCBC/B9zMs=
-----END PRIVATE KEY-----
`;

export const SANDBOX_CLIENT_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAm9Vn/XvtiAIwrxTeQaWc
oP7t8UEr23n7Q4ljb7wWQ5UNF9hY6aQnCT7s0xOsdhumoiXMAed57c0NR7n85L9F
okq30RutsEj41JXq5zRvwrNkEj/OL5IcEfYdHSbtPX4b/1b82QTRLAdoevtVHJjk
c3l0jU7pj5CFhytQTqlLuWNOYd2Q+scR/sUABWSjhD0JF4cuB/P+vFfnmH0w30Av
XwNe6J+kcBKEpTgyQj56Ts16oilceqbfGQi2Pbnf0YRBar9h7RfCfNuVbizAVurZ
sO2Qknq9XrV6JQqmI2zgEM+Tg23ltlSIO2IFxFPeFz9mVnkkVrgmVgAWSYrvjQX5
uQIDAQAB
-----END PUBLIC KEY-----
`;
