/**
 * The second sandbox test client's fixed RSA 2048 key pair (`SANDBOX_CLIENT_B`, generated once with
 * node:crypto, PKCS#8 / SPKI PEM). Its own pair, not a copy of the first client's, so that a request
 * signed with one account's key never passes as the other's. Test data, not a secret; the same PEMs are
 * committed as `.pem` files next to this module.
 */
export const SANDBOX_CLIENT_B_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDnyaJk5qCzJHgm
q0qcHcFtah2aKcLDvsfMb9Z/sffSZx1JGRD7iWv90YTgHv9AiKpnL2RZ5G2zcG6m
Ar0TF8kZO8vmDrKav4cW7GvEq05B3ELom6YZb+L/9H1zwkdVoee/ZmoNGgdPmS3i
rEClZlHTKPJ2xYO1wVTCASXRp7bweIX8KASCFjSGHVq3khu6guCFnhtmAzsnMS2s
6UsswH9Vzz/8U8oxxvDnpX7rXNEPmCqgdUkm8+upjHZ0g2ct55yfX2MH+CGbO7Dd
24fqN/GPVC3g2WiUTw1+PG+jRx1RoTWhF/XNkALD7yUMrrohie7B3JTkp2x8Un82
uff05ZPrAgMBAAECggEAAm5mAfF7aSDIh06Ul8vFEy0+5D5gzbwnnnnMvwBj06ZW
3+fdvKz5o7S+sWw4HX/ukpzebzxIPkrWncu1nl3sYc3Uu/X3kRXZhIF2SIdeQgO+
zlhpL8JUmAoK/ji6ORDnS9oGRw1y/gAscfrN1ZMnZCRiRAaqaRl/CvqDjtPQCycO
CakTUM8OBd5nvD4M65wwzlgVFEMf5kaaxeKzEJH9XAMISx6HFHZD74yK5NumpJuE
+B3em/oP9/48aUrAfE9ss50BqSTG8j+pd4x2Zw0fCKkUlmiTImZ8qYMpZIbBcsAm
mPvB77M2mRvo765xOY/Z1SS/DiXHVvOpTD+ekk/nMQKBgQD55A2Mjxdz4fg6f5D/
FVbGwGCcmPUYCqK317E9btSlCB+26b7mOkFq26cEKUyd7WN5s3MXrEmV9+8hl9rn
Q3WR31MVRmWMyivz9cRk3usFz7yL9UDeiVAI2ZXmxUT5Oy/eTDx1PxTYF5JVHFtr
WGa8+1/kOx3+1P57QdKubPLJgwKBgQDtdEg88wD+QHl7XQrehgpwyCAnm+aiyZrJ
s3KVuiSkdlLfoN96UhcnruU0mMhxmfJhUlQt4UoJooeAns/mP11XRVebpUmOdwGl
tIhvDI+pmRzziCYFJh6dizNlOKOpQ+D0mCFi2nPPijG7XEWnapvXkLC66ij8ZXIw
Vxo3N+tHeQKBgQDHnt8X9sLUZqJGENvCechtUwaacjHwd6aO1/YVTjD+eKPlGYrP
HaBefYNI9rjmu9koQirhsVbDP2E+47ER5zjHQ7B6IVdEBcjgxOaTceQrK0zCPTQJ
0YUm3LI7vECiHB7cJOhy/OZozUOvS8zXzrGbq+9pQbRverSjv+xOPGgigwKBgByg
gTj/3uXIJh0uSWosZMPWDLJZxENp5MReYvkUGOjO7wzQ20Bm9y2skyt1I+02Lxd2
knl5iLCCrK1f+BZ9GyazUG2OTsDjLgqpKi2hKQy8TdY6WsMSJmy95HNWkbyNV2iF
krjVN1MVCQvagvc9Dg69/eB67HgJTuvvBFUV48KZAoGBANpkOQw+j/9EjciYKrZ3
2xSPlRaKl8yoeMhOi35Y8UGVaXSmpq3Kaz6kvjF3fX1Kt0T4nfJ1I4WrEmrsRtOB
aXo6yhxEXFsAHfPGjTPw/vhAlae/w1UamgoLKK+Brla4zlluhEqu2jXp/dpfOMD7
hYgG/LrVFiZWaJGTFbzj8K9Q
-----END PRIVATE KEY-----
`;

export const SANDBOX_CLIENT_B_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA58miZOagsyR4JqtKnB3B
bWodminCw77HzG/Wf7H30mcdSRkQ+4lr/dGE4B7/QIiqZy9kWeRts3BupgK9ExfJ
GTvL5g6ymr+HFuxrxKtOQdxC6JumGW/i//R9c8JHVaHnv2ZqDRoHT5kt4qxApWZR
0yjydsWDtcFUwgEl0ae28HiF/CgEghY0hh1at5IbuoLghZ4bZgM7JzEtrOlLLMB/
Vc8//FPKMcbw56V+61zRD5gqoHVJJvPrqYx2dINnLeecn19jB/ghmzuw3duH6jfx
j1Qt4NlolE8Nfjxvo0cdUaE1oRf1zZACw+8lDK66IYnuwdyU5KdsfFJ/Nrn39OWT
6wIDAQAB
-----END PUBLIC KEY-----
`;
